using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

/// <summary>POST /api/v1/agent/tickets/{id}/notes — an internal note, never shown to the customer.</summary>
public static class AddNote
{
    public static async Task<Created<TimelineItemDto>> Endpoint(Guid id, BodyRequest req, AddNoteHandler handler, CasesQueries queries, CurrentUser user, CancellationToken ct)
    {
        var (c, e) = await handler.HandleAsync(user, id, req.Body, ct);
        return TypedResults.Created($"/api/v1/agent/tickets/{id}", queries.Render(e, await queries.ViewerAsync(c, staff: true, ct)));
    }
}

public sealed class AddNoteHandler(CaseStore store)
{
    public async Task<(Case, CaseEvent)> HandleAsync(CurrentUser user, Guid caseId, string? body, CancellationToken ct)
    {
        var c = await store.GetForStaffAsync(user, caseId, ct);
        CaseStore.RequireText(body, "body", 8000);
        var e = store.Add(c.Record(Actor.Of(user), TimelineKinds.InternalNote, false, store.Now, TimelineArgs.None, body!.Trim()));
        await store.SaveAsync(c, ct);
        return (c, e);
    }
}
