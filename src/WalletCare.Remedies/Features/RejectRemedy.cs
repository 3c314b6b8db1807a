using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Remedies.Domain;
using WalletCare.Platform.Validation;

namespace WalletCare.Remedies.Features;

public sealed record RejectRequest(string? Reason);

/// <summary>`POST /api/v1/approvals/{id}/reject {reason}`: a supervisor or admin other than the proposer turns a proposal down.</summary>
public sealed class RejectRemedyHandler(RemediesDbContext db, ICaseDirectory cases, CurrentUser user, IAuditLog audit, TimeProvider time)
{
    public async Task<Remedy> RejectAsync(Guid remedyId, string? reason, CancellationToken ct)
    {
        reason = Text.Require(reason, "reason", 2000, multiline: true);
        var r = await db.Remedies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == remedyId, ct) ?? throw AppProblem.NotFound();
        if (r.ProposedBy == user.UserId) throw new AppProblem(RemedyErrors.SelfApproval);
        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.Remedies
            .Where(x => x.Id == remedyId && x.State == RemedyStates.PendingApproval)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, RemedyStates.Rejected).SetProperty(x => x.DecidedBy, user.UserId)
                .SetProperty(x => x.DecidedAt, now).SetProperty(x => x.DecisionReason, reason).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (moved == 0) throw new AppProblem(RemedyErrors.AlreadyDecided);
        await audit.WriteAsync(user.Actor, "remedy.rejected", "remedy:" + remedyId, new { reason }, ct);
        await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, user.UserId, user.Role, TimelineKinds.RemedyRejected, false,
            new TimelineArgs { RemedyId = remedyId, RemedyType = r.Type, AmountMinor = r.AmountMinor }, reason), ct);
        return await db.Remedies.AsNoTracking().FirstAsync(x => x.Id == remedyId, ct);
    }
}

public static class RejectRemedyEndpoint
{
    public static void MapRejectRemedy(this RouteGroupBuilder approvals) =>
        approvals.MapPost("/{id:guid}/reject", async (Guid id, RejectRequest req, RejectRemedyHandler handler, CancellationToken ct) =>
            TypedResults.Ok(RemedyDto.From(await handler.RejectAsync(id, req.Reason, ct))));
}
