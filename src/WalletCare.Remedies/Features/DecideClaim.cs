using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Idempotency;
using WalletCare.Remedies.Domain;
using WalletCare.Platform.Validation;

namespace WalletCare.Remedies.Features;

/// <summary><see cref="Upheld"/> is nullable only so that a body without it is a 400, not a silent rejection.</summary>
public sealed record ClaimDecisionRequest(bool? Upheld, string? Reason);

/// <summary>
/// `POST /api/v1/agent/tickets/{id}/claim-decision {upheld, reason}` (supervisor): the claim behind the case
/// is decided, once. Rejected: every executed provisional credit is reversed. Money first, then the records
/// (docs/decisions.md): all reversals post in one wallet transaction or none do; only then are the decision,
/// the remedy states, the timeline entry and the audit row written. A failed reversal leaves nothing behind;
/// a crash after the postings is completed by a retry, because each reversal is keyed "remedy-reversal:{id}".
/// </summary>
public sealed class DecideClaimHandler(
    RemediesDbContext db, ICaseDirectory cases, IWalletRemedies wallet, CurrentUser user, IAuditLog audit, TimeProvider time)
{
    public async Task<int> DecideAsync(Guid caseId, ClaimDecisionRequest req, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (req.Upheld is null) errors["upheld"] = ["field.required"];
        Text.Check(errors, "reason", req.Reason, 2000, multiline: true);
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var upheld = req.Upheld!.Value;
        var reason = req.Reason!.Trim();
        var c = await cases.GetAsync(caseId, ct) ?? throw AppProblem.NotFound();

        var earlier = await db.ClaimDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == caseId, ct);
        if (earlier is { Published: false } && earlier.Upheld == upheld)
        {
            await PublishAsync(earlier, [], ct); // a crash cut the last decision short: finish it
            return earlier.Reversed;
        }
        if (earlier is not null) throw new AppProblem(RemedyErrors.ClaimAlreadyDecided);

        var credits = new List<Remedy>();
        IReadOnlyList<Guid> reversals = [];
        if (!upheld)
        {
            if (await db.Remedies.AnyAsync(r => r.CaseId == caseId && r.Type == RemedyKinds.ProvisionalCredit && r.State == RemedyStates.Approved, ct))
                throw new AppProblem(RemedyErrors.PostingPending);
            credits = await db.Remedies.AsNoTracking()
                .Where(r => r.CaseId == caseId && r.Type == RemedyKinds.ProvisionalCredit && r.State == RemedyStates.Executed)
                .OrderBy(r => r.ProposedAt).ToListAsync(ct);
            // Money first: all or none, in one wallet transaction. BALANCE_INSUFFICIENT etc. propagate with nothing written.
            reversals = await wallet.PostRemediesAsync(credits.Select(r => new RemedyPosting("remedy-reversal:" + r.Id, r.CustomerId,
                RemedyKinds.ProvisionalReversal, r.AmountMinor, r.WalletTransactionId, r.CaseNumber)).ToList(), ct);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var decision = new ClaimDecision { CaseId = c.Id, Upheld = upheld, Reason = reason, DecidedBy = user.UserId, DecidedAt = now, Reversed = credits.Count };
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            for (var i = 0; i < credits.Count; i++)
            {
                var (id, txId) = (credits[i].Id, reversals[i]);
                await db.Remedies.Where(x => x.Id == id && x.State == RemedyStates.Executed).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, RemedyStates.Reversed).SetProperty(x => x.ReversalTransactionId, txId)
                    .SetProperty(x => x.ReversedAt, now).SetProperty(x => x.Version, x => x.Version + 1), ct);
            }
            if (!upheld)
            {
                // A provisional credit still waiting for a checker has lost its ground.
                await db.Remedies.Where(x => x.CaseId == caseId && x.Type == RemedyKinds.ProvisionalCredit && x.State == RemedyStates.PendingApproval)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, RemedyStates.Rejected).SetProperty(x => x.DecidedBy, user.UserId)
                        .SetProperty(x => x.DecidedAt, now).SetProperty(x => x.DecisionReason, "claim rejected")
                        .SetProperty(x => x.Version, x => x.Version + 1), ct);
            }
            db.ClaimDecisions.Add(decision);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another supervisor's decision committed first (primary key on the case).
                await dbtx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                throw new AppProblem(RemedyErrors.ClaimAlreadyDecided);
            }
            await dbtx.CommitAsync(ct);
        }
        await PublishAsync(decision, credits, ct);
        return credits.Count;
    }

    /// <summary>The timeline entries and the audit row, then the mark that they exist.</summary>
    private async Task PublishAsync(ClaimDecision d, IReadOnlyList<Remedy> reversed, CancellationToken ct)
    {
        await cases.AppendTimelineAsync(new TimelineAppend(d.CaseId, d.DecidedBy, user.Role, TimelineKinds.ClaimDecision, true,
            new TimelineArgs { Upheld = d.Upheld }, d.Reason ?? ""), ct);
        foreach (var r in reversed)
            await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, null, "system", TimelineKinds.RemedyReversed, true,
                new TimelineArgs { RemedyId = r.Id, RemedyType = r.Type, AmountMinor = r.AmountMinor }), ct);
        await audit.WriteAsync(user.Actor, d.Upheld ? "claim.upheld" : "claim.rejected", "case:" + d.CaseId, new { reason = d.Reason, reversed = d.Reversed }, ct);
        await db.ClaimDecisions.Where(x => x.CaseId == d.CaseId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Published, true), ct);
    }
}

public static class DecideClaimEndpoint
{
    public static void MapDecideClaim(this RouteGroupBuilder tickets) =>
        tickets.MapPost("/claim-decision", async (Guid id, ClaimDecisionRequest req, DecideClaimHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new { reversed = await handler.DecideAsync(id, req, ct) }))
            .RequireAuthorization(Policies.Supervisor).WithIdempotency(required: false);
}
