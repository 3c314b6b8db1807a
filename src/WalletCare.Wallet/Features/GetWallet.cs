using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;

namespace WalletCare.Wallet.Features;

/// <summary>GET /: balances, status and limits of the caller's wallet.</summary>
public static class GetWallet
{
    internal static async Task<Ok<WalletDto>> GetAsync(WalletQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetWalletAsync(user.UserId, ct));
}
