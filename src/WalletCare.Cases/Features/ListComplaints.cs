using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;
using WalletCare.Platform.Paging;

namespace WalletCare.Cases.Features;

/// <summary>GET /api/v1/complaints and GET /api/v1/complaints/{id} — the customer's own cases (another customer's is 404).</summary>
public static class ListComplaints
{
    public static async Task<Ok<CursorPage<ComplaintListItem>>> Endpoint(CasesQueries queries, CurrentUser user, string? status, int? limit, string? cursor,
        CancellationToken ct) => TypedResults.Ok(await queries.ComplaintsAsync(user, status, limit, cursor, ct));
}

public static class GetComplaint
{
    public static async Task<Ok<ComplaintDto>> Endpoint(Guid id, CasesQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.ComplaintAsync(user, id, ct));
}
