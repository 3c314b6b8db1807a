using WalletCare.Platform.Http;
using WalletCare.Platform.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace WalletCare.Remedies.Features;

public static class RemedyEndpoints
{
    /// <summary>The remedies area's routes: each names the handler of one use case.</summary>
    public static void MapRemedies(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/agent/tickets/{id:guid}").RequireAuthorization(Policies.Staff).WithTags("Remedies");
        tickets.MapProposeRemedy();
        tickets.MapGet("/remedies", ListForCase);
        tickets.MapDecideClaim();

        var approvals = app.MapGroup("/api/v1/approvals").RequireAuthorization(Policies.Supervisor).WithTags("Approvals");
        approvals.MapGet("/", ListByState);
        approvals.MapApproveRemedy();
        approvals.MapRejectRemedy();
    }

    private static async Task<Ok<IReadOnlyList<RemedyDto>>> ListForCase(Guid id, RemediesQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ForCaseAsync(id, ct));

    /// <summary>
    /// `?state=pending_approval` (default) is the checker's inbox; `?state=approved` lists remedies approved but
    /// not yet posted (with attempts and last error), `?state=failed` those the wallet refused.
    /// </summary>
    private static async Task<Ok<CursorPage<RemedyDto>>> ListByState(RemediesQueries queries, int? limit, string? cursor, string? state, CancellationToken ct) =>
        TypedResults.Ok(await queries.ByStateAsync(state, limit, cursor, ct));
}
