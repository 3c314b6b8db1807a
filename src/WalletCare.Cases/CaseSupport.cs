using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;

namespace WalletCare.Cases;

/// <summary>Lets other areas (remedies, channels) find a case and add to its timeline.</summary>
internal sealed class CaseDirectory(CasesDbContext db, TimeProvider time) : ICaseDirectory
{
    public async Task<CaseRef?> GetAsync(Guid caseId, CancellationToken ct = default) =>
        await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new CaseRef(c.Id, c.Number, c.CustomerId, c.Status, c.Category, c.Priority)).FirstOrDefaultAsync(ct);

    public async Task AppendTimelineAsync(TimelineAppend e, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.Events.Add(new CaseEvent
        {
            CaseId = e.CaseId, At = now, ActorId = e.ActorId, ActorRole = e.ActorRole, Kind = e.Kind, Public = e.Public, Body = e.Body,
            DataJson = e.Args == TimelineArgs.None ? null : e.Args.ToJson(),
        });
        await db.Cases.Where(c => c.Id == e.CaseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Housekeeping: a case resolved for 7 days without a customer reply closes itself.</summary>
public sealed class CaseMaintenance(CasesDbContext db, CaseStore store, TimeProvider time)
{
    public static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(7);

    public async Task<int> AutoCloseAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - AutoCloseAfter;
        var ids = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Resolved && c.ResolvedAt <= cutoff).Select(c => c.Id).Take(500).ToListAsync(ct);
        foreach (var id in ids)
        {
            var c = await store.GetAsync(id, ct);
            if (c.Status != CaseStatus.Resolved) continue;
            await store.ChangeStatusAsync(c, CaseStatus.Closed, Actor.System, ct, reasonCode: "auto_closed_after_7_days");
            await store.SaveAsync(c, ct);
        }
        return ids.Count;
    }
}
