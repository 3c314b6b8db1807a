using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Features;

namespace WalletCare.Cases;

/// <summary>Reads a case for display: customers get public entries only; staff get everything.</summary>
public sealed class CaseReader(CasesDbContext db, TimeProvider time)
{
    public async Task<ComplaintDto> ReadAsync(Case c, bool includeInternal, CancellationToken ct)
    {
        var clocks = await db.Clocks.AsNoTracking().Where(x => x.CaseId == c.Id).ToListAsync(ct);
        var tx = await db.CaseTransactions.AsNoTracking().Where(x => x.CaseId == c.Id).Select(x => x.TransactionId).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.CaseId == c.Id && (includeInternal || e.Public)).OrderBy(e => e.Id).ToListAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var surveyed = await db.Surveys.AnyAsync(s => s.CaseId == c.Id, ct);
        return CaseMapping.Map(c, clocks, tx, events, files, time.GetUtcNow().UtcDateTime, surveyed);
    }

    public async Task<IReadOnlyList<ClockDto>> ClocksAsync(Guid caseId, CancellationToken ct) =>
        await db.Clocks.AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.Kind)
            .Select(x => new ClockDto(x.Kind, x.State, x.DueAt, x.WarnedAt, x.BreachedAt)).ToListAsync(ct);
}
