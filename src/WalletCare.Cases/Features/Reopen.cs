using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

/// <summary>POST /api/v1/complaints/{id}/reopen — within 30 days of resolution (SPEC §7).</summary>
public static class Reopen
{
    public static async Task<Ok<ComplaintDto>> Endpoint(Guid id, ReasonRequest req, ReopenHandler handler, CasesQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.ReadAsync(await handler.HandleAsync(user, id, req.Reason, ct), false, ct));
}

public sealed class ReopenHandler(CaseStore store)
{
    public async Task<Case> HandleAsync(CurrentUser user, Guid caseId, string? reason, CancellationToken ct)
    {
        var c = await store.GetForCustomerAsync(user.UserId, caseId, ct);
        var text = CaseStore.RequireText(reason, "reason", CaseStore.ReasonMax);
        await ReopenAsync(store, c, new Actor(user.UserId, Roles.Customer), text, null, ct);
        await store.SaveAsync(c, ct);
        return c;
    }

    /// <summary>Shared with the survey ("not resolved" reopens). The window binds customers only; staff may reopen later.</summary>
    internal static async Task ReopenAsync(CaseStore store, Case c, Actor actor, string? reason, string? reasonCode, CancellationToken ct)
    {
        if (c.Status is not (CaseStatus.Resolved or CaseStatus.Closed)) throw new AppProblem(CaseErrors.InvalidTransition);
        var since = c.ResolvedAt ?? c.ClosedAt ?? c.UpdatedAt;
        if (actor.IsCustomer && store.Now - since > Case.ReopenWindow) throw new AppProblem(CaseErrors.ReopenWindowPassed);
        await store.ChangeStatusAsync(c, CaseStatus.Reopened, actor, ct, reason, reasonCode);
    }
}
