using WalletCare.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies.Features;

/// <summary>
/// A remedy as staff see it, including how its posting is going: <see cref="PostingPending"/> while an approved
/// remedy waits for the wallet, with the attempts so far, the last error and when the job tries next.
/// </summary>
public sealed record RemedyDto(Guid Id, Guid CaseId, string CaseNumber, string Type, long AmountMinor, string Currency, Guid? TransactionId,
    string Reason, Guid ProposedBy, DateTime ProposedAt, string State, Guid? DecidedBy, DateTime? DecidedAt, string? DecisionReason,
    Guid? WalletTransactionId, Guid? ReversalTransactionId, DateTime? ExecutedAt, bool PostingPending, int Attempts, string? LastError,
    DateTime? NextAttemptAt)
{
    public static RemedyDto From(Remedy r) => new(r.Id, r.CaseId, r.CaseNumber, r.Type, r.AmountMinor, r.Currency, r.TransactionId, r.Reason,
        r.ProposedBy, r.ProposedAt, r.State, r.DecidedBy, r.DecidedAt, r.DecisionReason, r.WalletTransactionId, r.ReversalTransactionId,
        r.ExecutedAt, r.State == RemedyStates.Approved, r.Attempts, r.LastError, r.State == RemedyStates.Approved ? r.NextAttemptAt : null);
}

public sealed record ApprovalsPage(IReadOnlyList<RemedyDto> Items, string? NextCursor);

public static class RemedyEndpoints
{
    /// <summary>States the approvals list can show: the checker's inbox, remedies approved but not yet posted, and refused postings.</summary>
    private static readonly string[] ListableStates = [RemedyStates.PendingApproval, RemedyStates.Approved, RemedyStates.Failed];

    public static void MapRemedies(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/agent/tickets/{id:guid}").RequireAuthorization(Policies.Staff).WithTags("Remedies");
        tickets.MapProposeRemedy();
        tickets.MapGet("/remedies", async (Guid id, RemediesDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Remedies.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.ProposedAt).ToListAsync(ct)).Select(RemedyDto.From).ToList()));
        tickets.MapDecideClaim();

        var approvals = app.MapGroup("/api/v1/approvals").RequireAuthorization(Policies.Supervisor).WithTags("Approvals");
        approvals.MapGet("/", List);
        approvals.MapApproveRemedy();
        approvals.MapRejectRemedy();
    }

    /// <summary>
    /// `?state=pending_approval` (default) is the checker's inbox; `?state=approved` lists remedies approved but
    /// not yet posted (with attempts and last error), `?state=failed` those the wallet refused.
    /// </summary>
    private static async Task<Ok<ApprovalsPage>> List(RemediesDbContext db, int? limit, string? cursor, string? state, CancellationToken ct)
    {
        state = string.IsNullOrEmpty(state) ? RemedyStates.PendingApproval : state;
        if (!ListableStates.Contains(state)) throw AppProblem.Validation("state", "field.invalid");
        var take = Platform.Paging.Cursor.Limit(limit);
        var q = db.Remedies.AsNoTracking().Where(r => r.State == state);
        if (Platform.Paging.Cursor.TryDecode(cursor, out DateTime after, out var afterId) && Guid.TryParse(afterId, out var aid))
            q = q.Where(r => r.ProposedAt > after || (r.ProposedAt == after && r.Id.CompareTo(aid) > 0));
        var rows = await q.OrderBy(r => r.ProposedAt).ThenBy(r => r.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(RemedyDto.From).ToList();
        var next = rows.Count > take ? Platform.Paging.Cursor.Encode(items[^1].ProposedAt, items[^1].Id.ToString()) : null;
        return TypedResults.Ok(new ApprovalsPage(items, next));
    }
}
