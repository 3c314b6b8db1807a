using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Notify;
using WalletCare.Cases.Sla;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Cases;

/// <summary>
/// The mechanics every use case shares: finding a case the user may act on, loading its clocks, and saving
/// a change (version bump for optimistic concurrency, due-time refresh, one SaveChanges). The rules of a
/// change live on <see cref="Case"/>; the steps of a use case live in its Features file.
/// </summary>
public sealed class CaseStore(CasesDbContext db, SlaEngine sla, SlaPolicies policies, IBusinessCalendarProvider calendars, TimeProvider time,
    CaseNotices notices)
{
    public CasesDbContext Db => db;
    public SlaEngine Sla => sla;
    public SlaPolicies Policies => policies;
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The area's resource checks, used by every handler whether called from the API or a page: a customer acts
    /// only on their own case (another customer's is 404, so its existence does not leak); staff on any case.
    /// </summary>
    public Task<Case> GetForStaffAsync(CurrentUser user, Guid caseId, CancellationToken ct) =>
        user.IsStaff ? GetAsync(caseId, ct) : throw AppProblem.Forbidden();

    public async Task<Case> GetForCustomerAsync(Guid customerId, Guid caseId, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId && c.CustomerId == customerId, ct) ?? throw AppProblem.NotFound();

    public async Task<Case> GetAsync(Guid caseId, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw AppProblem.NotFound();

    /// <summary>Loads (and tracks) the case's clocks, including ones added in this unit of work but not saved yet.</summary>
    public async Task<CaseClocks> ClocksAsync(Case c, CancellationToken ct)
    {
        var loaded = await db.Clocks.Where(x => x.CaseId == c.Id).ToListAsync(ct);
        var all = loaded.Union(db.Clocks.Local.Where(x => x.CaseId == c.Id)).ToList();
        return new CaseClocks(all, sla, policies, await calendars.GetAsync(ct));
    }

    public CaseEvent Add(CaseEvent e)
    {
        db.Events.Add(e);
        return e;
    }

    /// <summary>Status change with its clock effects (see <see cref="Case.ChangeStatus"/>), not yet saved.</summary>
    public async Task<CaseEvent> ChangeStatusAsync(Case c, string to, Actor actor, CancellationToken ct, string? reason = null, string? reasonCode = null) =>
        Add(c.ChangeStatus(to, actor, Now, await ClocksAsync(c, ct), reason, reasonCode));

    public async Task SaveAsync(Case c, CancellationToken ct)
    {
        c.Version++;
        await RefreshDueAsync(c, ct);
        await notices.RecordAsync(db, c, Now, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RefreshDueAsync(Case c, CancellationToken ct)
    {
        var clocks = db.Clocks.Local.Where(x => x.CaseId == c.Id).ToList();
        if (clocks.Count == 0) clocks = await db.Clocks.Where(x => x.CaseId == c.Id).ToListAsync(ct);
        c.RefreshDue(clocks);
    }

    /// <summary>A required multi-line text of at most <paramref name="max"/> characters, trimmed (see <see cref="Text"/>).</summary>
    public static string RequireText(string? value, string field, int max) => Text.Require(value, field, max, multiline: true);

    /// <summary>The limit of every reason a customer or staff member gives (cancel, reopen, status, extension, review).</summary>
    public const int ReasonMax = 2000;
}
