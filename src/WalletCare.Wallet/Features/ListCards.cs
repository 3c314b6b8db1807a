using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;

namespace WalletCare.Wallet.Features;

/// <summary>GET /cards: the caller's active cards, display data only.</summary>
public static class ListCards
{
    internal static async Task<Ok<IReadOnlyList<CardDto>>> GetAsync(WalletQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.CardsAsync(user.UserId, ct));
}
