using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

/// <summary>POST /api/v1/agent/tickets/{id}/replies — a public answer to the customer.</summary>
public static class Reply
{
    public static async Task<Created<TimelineItemDto>> Endpoint(Guid id, BodyRequest req, ReplyHandler handler, CasesQueries queries, CurrentUser user, CancellationToken ct)
    {
        var (c, e) = await handler.HandleAsync(user, id, req.Body, ct);
        return TypedResults.Created($"/api/v1/agent/tickets/{id}", queries.Render(e, await queries.ViewerAsync(c, staff: true, ct)));
    }
}

/// <summary>Answering stops the first/next-response clocks; the first answer also takes a new case into "open".</summary>
public sealed class ReplyHandler(CaseStore store, EmailReplyHook replyByEmail)
{
    public async Task<(Case, CaseEvent)> HandleAsync(CurrentUser user, Guid caseId, string? body, CancellationToken ct)
    {
        var c = await store.GetForStaffAsync(user, caseId, ct);
        CaseStore.RequireText(body, "body", 8000);
        if (c.Status == CaseStatus.Closed) throw new AppProblem(CaseErrors.CaseClosed);
        var staff = Actor.Of(user);
        var now = store.Now;
        var e = store.Add(c.Record(staff, TimelineKinds.Reply, true, now, TimelineArgs.None, body!.Trim()));
        c.FirstResponseAt ??= now;
        var clocks = await store.ClocksAsync(c, ct);
        foreach (var kind in new[] { ClockKind.FirstResponse, ClockKind.NextResponse })
            if (clocks.Get(kind) is { State: not "stopped" } clock) store.Sla.Stop(clock, now);
        if (c.Status is CaseStatus.New or CaseStatus.Reopened) store.Add(c.ChangeStatus(CaseStatus.Open, staff, now, clocks));
        c.AssigneeId ??= staff.Role == Roles.Agent ? staff.Id : c.AssigneeId;
        await replyByEmail.EnqueueAsync(c, body!.Trim(), ct); // same transaction: the e-mail leaves only if the reply commits
        await store.SaveAsync(c, ct);
        return (c, e);
    }
}
