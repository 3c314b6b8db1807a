using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

/// <summary>POST /api/v1/complaints/{id}/escalate — the customer asks for supervisor review (上级复核).</summary>
public static class Escalate
{
    public static async Task<Ok<ComplaintDto>> Endpoint(Guid id, ReasonRequest req, EscalateHandler handler, CasesQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.ReadAsync(await handler.HandleAsync(user, id, req.Reason, ct), false, ct));
}

/// <summary>Raises priority one level (re-budgeting the clocks) and puts the case in the supervisor's review queue.</summary>
public sealed class EscalateHandler(CaseStore store, IAuditLog audit)
{
    public async Task<Case> HandleAsync(CurrentUser user, Guid caseId, string? reason, CancellationToken ct)
    {
        var c = await store.GetForCustomerAsync(user.UserId, caseId, ct);
        var text = CaseStore.RequireText(reason, "reason", CaseStore.ReasonMax);
        if (c.ReviewState == "pending") throw new AppProblem(CaseErrors.AlreadyEscalated);
        if (c.Status == CaseStatus.Closed) throw new AppProblem(CaseErrors.CaseClosed);
        var now = store.Now;
        var raised = PriorityRules.Name(PriorityRules.Level(c.Priority) - 1);
        var before = c.Priority;
        c.ReviewState = "pending";
        c.EscalationLevel = Math.Max(c.EscalationLevel, 2);
        if (raised != c.Priority) c.ChangePriority(raised, now, await store.ClocksAsync(c, ct));
        store.Add(c.Record(new Actor(user.UserId, Roles.Customer), TimelineKinds.Escalation, true, now,
            new TimelineArgs { From = before, To = c.Priority }, text));
        await store.SaveAsync(c, ct);
        await audit.WriteAsync(user.UserId.ToString(), "case.escalated", "case:" + c.Id, new { reason = text }, ct);
        return c;
    }
}
