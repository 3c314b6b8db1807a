using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

/// <summary>POST /api/v1/agent/tickets/{id}/regulatory-extension — once, 15 → 30 days, with a recorded reason (supervisor).</summary>
public static class ExtendRegulatoryDeadline
{
    public static async Task<NoContent> Endpoint(Guid id, ReasonRequest req, CaseStore store, IAuditLog audit, CurrentUser user, CancellationToken ct)
    {
        var c = await store.GetForStaffAsync(user, id, ct);
        var reason = CaseStore.RequireText(req.Reason, "reason", CaseStore.ReasonMax);
        if (c.RegulatoryExtended) throw new AppProblem(CaseErrors.ExtensionUsed);
        var clocks = await store.ClocksAsync(c, ct);
        var clock = clocks.Get(ClockKind.Regulatory) ?? throw new AppProblem(ErrorCodes.Conflict);
        var now = store.Now;
        c.RegulatoryExtended = true;
        c.RegulatoryDueAt = c.ReceivedAt + store.Policies.RegulatoryExtended;
        store.Sla.Rebudget(clock, store.Policies.RegulatoryExtended, now, clocks.Calendar);
        store.Add(c.Record(Actor.Of(user), TimelineKinds.RegulatoryExtension, false, now, new TimelineArgs { DueAt = c.RegulatoryDueAt }, reason));
        await store.SaveAsync(c, ct);
        await audit.WriteAsync(user.UserId.ToString(), "case.regulatory_extended", "case:" + c.Id, new { reason }, ct);
        return TypedResults.NoContent();
    }
}
