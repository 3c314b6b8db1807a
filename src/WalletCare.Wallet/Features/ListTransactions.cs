using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;
using WalletCare.Platform.Paging;

namespace WalletCare.Wallet.Features;

/// <summary>GET /transactions: the caller's history, filtered and keyset-paged.</summary>
public static class ListTransactions
{
    internal static async Task<Ok<CursorPage<TransactionDto>>> GetAsync(WalletQueries queries, CurrentUser user,
        string? type, string? status, DateTime? from, DateTime? to, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await queries.TransactionsAsync(user.UserId, new TransactionFilter(type, status, from, to), limit, cursor, ct));
}
