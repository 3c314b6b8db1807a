using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

public sealed record MergeRequest(Guid? IntoTicketId);

/// <summary>POST /api/v1/agent/tickets/{id}/merge — a duplicate folds into another case of the same customer.</summary>
public static class Merge
{
    public static async Task<NoContent> Endpoint(Guid id, MergeRequest req, MergeHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user, id, req.IntoTicketId, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Timeline entries and evidence move to the surviving case; nothing is deleted, and the duplicate closes.</summary>
public sealed class MergeHandler(CaseStore store)
{
    public async Task HandleAsync(CurrentUser user, Guid id, Guid? intoTicketId, CancellationToken ct)
    {
        if (intoTicketId is not { } intoId || intoId == id) throw AppProblem.Validation("intoTicketId", "field.invalid");
        var from = await store.GetForStaffAsync(user, id, ct);
        var into = await store.GetAsync(intoId, ct);
        if (from.CustomerId != into.CustomerId || from.MergedIntoId is not null || into.MergedIntoId is not null)
            throw new AppProblem(CaseErrors.MergeInvalid);
        var db = store.Db;
        var me = Actor.Of(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Events.Where(e => e.CaseId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CaseId, into.Id), ct);
        await db.Attachments.Where(a => a.CaseId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CaseId, into.Id), ct);
        var linked = await db.CaseTransactions.Where(t => t.CaseId == from.Id).Select(t => t.TransactionId).ToListAsync(ct);
        var existing = await db.CaseTransactions.Where(t => t.CaseId == into.Id).Select(t => t.TransactionId).ToListAsync(ct);
        foreach (var t in linked.Except(existing)) db.CaseTransactions.Add(new CaseTransaction { CaseId = into.Id, TransactionId = t });
        from.MergedIntoId = into.Id;
        if (from.IsOpen) await store.ChangeStatusAsync(from, CaseStatus.Closed, me, ct, reasonCode: "merged");
        var now = store.Now;
        store.Add(into.Record(me, TimelineKinds.Merge, true, now, new TimelineArgs { Number = from.Number, MergeSide = "absorbed" }));
        store.Add(from.Record(me, TimelineKinds.Merge, true, now, new TimelineArgs { Number = into.Number, MergeSide = "merged" }));
        from.Version++;
        into.Version++;
        await store.RefreshDueAsync(from, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
