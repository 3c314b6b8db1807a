using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Contracts;

namespace WalletCare.Cases;

/// <summary>The change stream the staff search (help area) indexes: cases by UpdatedAt with their message texts.</summary>
internal sealed class CaseSearchFeed(CasesDbContext db) : ICaseSearchFeed
{
    // Customer messages, replies and notes carry the words an agent searches for; system entries do not.
    private const int MessagesMax = 4000;

    public async Task<IReadOnlyList<CaseSearchDoc>> ChangedSinceAsync(DateTime since, int limit, CancellationToken ct = default)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.UpdatedAt >= since).OrderBy(c => c.UpdatedAt).Take(limit)
            .Select(c => new { c.Id, c.Number, c.CustomerId, c.Subject, c.Description, c.Status, c.ReceivedAt, c.UpdatedAt }).ToListAsync(ct);
        if (cases.Count == 0) return [];
        var ids = cases.Select(c => c.Id).ToList();
        var bodies = await db.Events.AsNoTracking().Where(e => ids.Contains(e.CaseId) && e.Body != "")
            .Select(e => new { e.CaseId, e.Body }).ToListAsync(ct);
        var byCase = bodies.GroupBy(b => b.CaseId).ToDictionary(g => g.Key, g => string.Join('\n', g.Select(b => b.Body)));
        return cases.Select(c =>
        {
            var m = byCase.GetValueOrDefault(c.Id, "");
            return new CaseSearchDoc(c.Id, c.Number, c.CustomerId, c.Subject, c.Description, m.Length > MessagesMax ? m[..MessagesMax] : m,
                c.Status, c.ReceivedAt, c.UpdatedAt);
        }).ToList();
    }
}
