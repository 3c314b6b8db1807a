using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WalletCare.Wallet.Features;

/// <summary>GET /merchants: who a customer can pay.</summary>
public static class ListMerchants
{
    internal static async Task<Ok<IReadOnlyList<MerchantDto>>> GetAsync(WalletQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.MerchantsAsync(ct));
}
