using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Timeline;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

/// <summary>POST /api/v1/complaints/{id}/messages — the customer writes on their case.</summary>
public static class AddCustomerMessage
{
    public static async Task<Created<TimelineItemDto>> Endpoint(Guid id, BodyRequest req, AddCustomerMessageHandler handler, CasesQueries queries,
        CurrentUser user, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/complaints/{id}", queries.Render(await handler.HandleAsync(user, id, req.Body, ct), TimelineViewer.Customer));
}

/// <summary>A message re-opens a case waiting on the customer and restarts the next-response clock once we have answered before.</summary>
public sealed class AddCustomerMessageHandler(CaseStore store)
{
    public async Task<CaseEvent> HandleAsync(CurrentUser user, Guid caseId, string? body, CancellationToken ct)
    {
        var c = await store.GetForCustomerAsync(user.UserId, caseId, ct);
        return await HandleAsync(c, new Actor(user.UserId, Roles.Customer), body, ct);
    }

    /// <summary>The same effects for a message that arrived by a channel (e-mail, call, webhook) on behalf of the customer.</summary>
    public async Task<CaseEvent> HandleAsync(Case c, Actor actor, string? body, CancellationToken ct, string? channel = null)
    {
        CaseStore.RequireText(body, "body", 8000);
        if (c.Status == CaseStatus.Closed) throw new AppProblem(CaseErrors.CaseClosed);
        var now = store.Now;
        var e = store.Add(c.Record(actor, TimelineKinds.Message, true, now, channel is null ? TimelineArgs.None : new TimelineArgs { Channel = channel }, body!.Trim()));
        var clocks = await store.ClocksAsync(c, ct);
        if (c.Status == CaseStatus.PendingCustomer) store.Add(c.ChangeStatus(CaseStatus.Open, actor, now, clocks));
        if (c.FirstResponseAt is not null)
        {
            var policy = store.Policies.For(c.Priority);
            var next = clocks.Get(ClockKind.NextResponse);
            if (next is null) store.Db.Clocks.Add(store.Sla.Start(c.Id, ClockKind.NextResponse, policy.FirstResponse, !policy.AroundTheClock, now, clocks.Calendar));
            else if (next.State == "stopped") clocks.Restart(next, policy.FirstResponse, now);
        }
        await store.SaveAsync(c, ct);
        return e;
    }
}
