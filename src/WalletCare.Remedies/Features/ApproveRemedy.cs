using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies.Features;

/// <summary>
/// `POST /api/v1/approvals/{id}/approve`: a supervisor or admin other than the proposer approves. The
/// `approved` state written here is the durable record; the posting is tried at once and, when the wallet
/// fails, left to <see cref="RemedyJobs"/> — the approval still answers 200 (state approved, posting pending).
/// </summary>
public sealed class ApproveRemedyHandler(
    RemediesDbContext db, ICaseDirectory cases, IWalletQueries walletQueries, RemedyExecutor executor, CurrentUser user, IAuditLog audit, TimeProvider time)
{
    public async Task<Remedy> ApproveAsync(Guid remedyId, CancellationToken ct)
    {
        var r = await db.Remedies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == remedyId, ct) ?? throw AppProblem.NotFound();
        if (r.ProposedBy == user.UserId) throw new AppProblem(RemedyErrors.SelfApproval);
        if (r.State != RemedyStates.PendingApproval) throw new AppProblem(RemedyErrors.AlreadyDecided);
        // Refunds proposed in parallel may no longer fit: say so now rather than approve what cannot post.
        if (r.Type == RemedyKinds.Refund && r.TransactionId is { } paymentId)
            await RefundRemaining.RequireAsync(db, walletQueries, r.CustomerId, paymentId, r.AmountMinor, r.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + RemedyExecutor.Lease; // this request posts it; the job only after the lease
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            // The state change is the lock: of two concurrent approvals only one moves it out of pending.
            var moved = await db.Remedies
                .Where(x => x.Id == remedyId && x.State == RemedyStates.PendingApproval)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, RemedyStates.Approved).SetProperty(x => x.DecidedBy, user.UserId)
                    .SetProperty(x => x.DecidedAt, now).SetProperty(x => x.NextAttemptAt, until).SetProperty(x => x.Version, x => x.Version + 1), ct);
            if (moved == 0) throw new AppProblem(RemedyErrors.AlreadyDecided);
            // What a checker approved still counts towards the proposer's day: small remedies after it need a checker too.
            await Allowances.AddAsync(db, Allowances.KeyFor(r.ProposedBy, r.CustomerId, r.ProposedAt), r.AmountMinor, ct);
            await dbtx.CommitAsync(ct);
        }
        await audit.WriteAsync(user.Actor, "remedy.approved", "remedy:" + remedyId, null, ct);
        await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, user.UserId, user.Role, TimelineKinds.RemedyApproved, false,
            new TimelineArgs { RemedyId = remedyId, RemedyType = r.Type, AmountMinor = r.AmountMinor }), ct);
        await executor.ExecuteClaimedAsync(remedyId, user.Actor, ct);
        return await db.Remedies.AsNoTracking().FirstAsync(x => x.Id == remedyId, ct);
    }
}

public static class ApproveRemedyEndpoint
{
    public static void MapApproveRemedy(this RouteGroupBuilder approvals) =>
        approvals.MapPost("/{id:guid}/approve", async (Guid id, ApproveRemedyHandler handler, CancellationToken ct) =>
            TypedResults.Ok(RemedyDto.From(await handler.ApproveAsync(id, ct))));
}
