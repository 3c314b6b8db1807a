using WalletCare.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Idempotency;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies.Features;

public sealed record RemedyDto(Guid Id, Guid CaseId, string CaseNumber, string Type, long AmountMinor, string Currency, Guid? TransactionId,
    string Reason, Guid ProposedBy, DateTime ProposedAt, string State, Guid? DecidedBy, DateTime? DecidedAt, string? DecisionReason,
    Guid? WalletTransactionId, Guid? ReversalTransactionId)
{
    public static RemedyDto From(Remedy r) => new(r.Id, r.CaseId, r.CaseNumber, r.Type, r.AmountMinor, r.Currency, r.TransactionId, r.Reason,
        r.ProposedBy, r.ProposedAt, r.State, r.DecidedBy, r.DecidedAt, r.DecisionReason, r.WalletTransactionId, r.ReversalTransactionId);
}

public sealed record RejectRequest(string? Reason);
public sealed record ClaimDecisionRequest(bool Upheld, string? Reason);
public sealed record ApprovalsPage(IReadOnlyList<RemedyDto> Items, string? NextCursor);

public static class RemedyEndpoints
{
    public static void MapRemedies(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/agent/tickets/{id:guid}").RequireAuthorization(Policies.Staff).WithTags("Remedies");
        tickets.MapPost("/remedies", async (Guid id, ProposeRemedy req, RemedyService svc, HttpContext http, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/agent/tickets/{id}/remedies", RemedyDto.From(await svc.ProposeAsync(id, req, http.Request.Headers[IdempotencyExtensions.Header].ToString(), ct)))).WithIdempotency();
        tickets.MapGet("/remedies", async (Guid id, RemediesDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Remedies.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.ProposedAt).ToListAsync(ct)).Select(RemedyDto.From).ToList()));
        tickets.MapPost("/claim-decision", async (Guid id, ClaimDecisionRequest req, RemedyService svc, CancellationToken ct) =>
            TypedResults.Ok(new { reversed = await svc.DecideClaimAsync(id, req.Upheld, req.Reason, ct) }))
            .RequireAuthorization(Policies.Supervisor).WithIdempotency(required: false);

        var approvals = app.MapGroup("/api/v1/approvals").RequireAuthorization(Policies.Supervisor).WithTags("Approvals");
        approvals.MapGet("/", ListPending);
        approvals.MapPost("/{id:guid}/approve", async (Guid id, RemedyService svc, CancellationToken ct) =>
            TypedResults.Ok(RemedyDto.From(await svc.ApproveAsync(id, ct))));
        approvals.MapPost("/{id:guid}/reject", async (Guid id, RejectRequest req, RemedyService svc, CancellationToken ct) =>
            TypedResults.Ok(RemedyDto.From(await svc.RejectAsync(id, req.Reason, ct))));
    }

    private static async Task<Ok<ApprovalsPage>> ListPending(RemediesDbContext db, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Platform.Paging.Cursor.Limit(limit);
        var q = db.Remedies.AsNoTracking().Where(r => r.State == RemedyStates.PendingApproval);
        if (Platform.Paging.Cursor.TryDecode(cursor, out DateTime after, out var afterId) && Guid.TryParse(afterId, out var aid))
            q = q.Where(r => r.ProposedAt > after || (r.ProposedAt == after && r.Id.CompareTo(aid) > 0));
        var rows = await q.OrderBy(r => r.ProposedAt).ThenBy(r => r.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(RemedyDto.From).ToList();
        var next = rows.Count > take ? Platform.Paging.Cursor.Encode(items[^1].ProposedAt, items[^1].Id.ToString()) : null;
        return TypedResults.Ok(new ApprovalsPage(items, next));
    }
}
