using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;

namespace WalletCare.Wallet.Features;

/// <summary>GET /transactions/{id}: one of the caller's transactions with its status trail; anyone else's is 404.</summary>
public static class GetTransaction
{
    internal static async Task<Ok<TransactionDto>> GetAsync(Guid id, WalletQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.RequireTransactionAsync(user.UserId, id, ct));
}
