using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Contracts;

namespace WalletCare.Cases;

/// <summary>The complaints' part of the personal-data export: the customer's cases and the messages they can see (internal notes are staff work, not the customer's data).</summary>
internal sealed class CasesPersonalData(CasesDbContext db) : IPersonalDataSource
{
    public string Area => "complaints";

    public async Task<object?> ExportAsync(Guid customerId, CancellationToken ct = default)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.Number, c.Category, c.Channel, c.Subject, c.Description, c.DesiredOutcome, c.Status, c.ReceivedAt, c.ResolvedAt, c.ClosedAt })
            .ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var messages = await db.Events.AsNoTracking().Where(e => ids.Contains(e.CaseId) && e.Public).OrderBy(e => e.Id)
            .Select(e => new { e.CaseId, e.At, e.Kind, e.ActorRole, e.Body }).ToListAsync(ct);
        return new { cases, messages };
    }
}
