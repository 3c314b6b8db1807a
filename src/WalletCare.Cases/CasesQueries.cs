using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Features;
using WalletCare.Cases.Timeline;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;
using WalletCare.Platform.Paging;
using WalletCare.Platform.Privacy;

namespace WalletCare.Cases;

/// <summary>Filters of the staff queue; the API binds them from the query string, the page sets View only.</summary>
public sealed record QueueFilter(string? View = null, string? Status = null, string? Priority = null, string? Category = null, string? Channel = null,
    string? Assignee = null, string? Team = null, bool? Breached = null, bool? AtRisk = null, bool? External = null);

/// <summary>
/// The read side of the area (like eShop's OrderQueries): queue, reviews, the customer's list and detail,
/// the agent's ticket. API handlers and pages both read through here, so a list is written once.
/// </summary>
public sealed record OpenCaseRef(Guid Id, string Number);

public sealed class CasesQueries(CasesDbContext db, CaseStore store, TimelineRenderer renderer, IUserDirectory users, IWalletQueries wallet,
    ISecurityQueries security, Presence presence, TimeProvider time)
{
    public static readonly string[] QueueViews = ["open", "mine", "unassigned", "at_risk", "review"];

    public IQueryable<Case> Queue(CurrentUser user, QueueFilter f)
    {
        var q = db.Cases.AsNoTracking().Where(c => c.MergedIntoId == null);
        var me = user.UserId;
        q = f.View switch
        {
            "mine" => q.Where(c => c.AssigneeId == me && c.IsOpen),
            "unassigned" => q.Where(c => c.AssigneeId == null && c.IsOpen),
            "at_risk" => q.Where(c => c.IsOpen && (c.AtRisk || c.Breached)),
            "review" => q.Where(c => c.ReviewState == "pending"),
            "all" => q,
            _ => string.IsNullOrEmpty(f.Status) ? q.Where(c => c.IsOpen) : q,
        };
        if (!string.IsNullOrEmpty(f.Status)) q = q.Where(c => c.Status == f.Status);
        if (!string.IsNullOrEmpty(f.Priority)) q = q.Where(c => c.Priority == f.Priority);
        if (!string.IsNullOrEmpty(f.Category)) q = q.Where(c => c.Category == f.Category);
        if (!string.IsNullOrEmpty(f.Channel)) q = q.Where(c => c.Channel == f.Channel);
        if (!string.IsNullOrEmpty(f.Team)) q = q.Where(c => c.Team == f.Team);
        if (f.Assignee == "me") q = q.Where(c => c.AssigneeId == me);
        else if (f.Assignee == "none") q = q.Where(c => c.AssigneeId == null);
        else if (Guid.TryParse(f.Assignee, out var a)) q = q.Where(c => c.AssigneeId == a);
        if (f.Breached is { } b) q = q.Where(c => c.Breached == b);
        if (f.AtRisk is { } r) q = q.Where(c => c.AtRisk == r);
        if (f.External is { } x) q = x ? q.Where(c => c.ExternalSource != null) : q.Where(c => c.ExternalSource == null);
        return q;
    }

    public Task<int> QueueCountAsync(CurrentUser user, string view, CancellationToken ct) => Queue(user, new QueueFilter(view)).CountAsync(ct);

    /// <summary>Keyset on (NextDueAt, Id), which an index serves directly (NextDueAt is never null: see Case.RefreshDue).</summary>
    public Task<CursorPage<QueueItem>> QueuePageAsync(CurrentUser user, QueueFilter f, int? limit, string? cursor, CancellationToken ct) =>
        Keyset.PageAsync(Queue(user, f), c => c.NextDueAt, c => c.Id, descending: false, limit, cursor,
            c => new QueueItem(c.Id, c.Number, c.Status, c.Priority, c.Category, c.Channel, c.Subject, c.AssigneeId, c.Team, c.NextDueAt,
                c.AtRisk, c.Breached, c.EscalationLevel, c.ReviewState, c.ExternalSource, c.ExternalDueAt, c.ReceivedAt),
            q => (q.NextDueAt ?? Case.NoDue, q.Id), ct);

    public Task<CursorPage<QueueItem>> ReviewsAsync(CurrentUser user, int? limit, string? cursor, CancellationToken ct) =>
        QueuePageAsync(user, new QueueFilter("review"), limit, cursor, ct);

    /// <summary>The customer's own complaints, newest first; keyset on (ReceivedAt, Id) descending.</summary>
    public Task<CursorPage<ComplaintListItem>> ComplaintsAsync(CurrentUser user, string? status, int? limit, string? cursor, CancellationToken ct)
    {
        var me = user.UserId;
        var q = db.Cases.AsNoTracking().Where(c => c.CustomerId == me && c.MergedIntoId == null);
        if (!string.IsNullOrEmpty(status)) q = q.Where(c => c.Status == status);
        return Keyset.PageAsync(q, c => c.ReceivedAt, c => c.Id, descending: true, limit, cursor,
            c => new ComplaintListItem(c.Id, c.Number, c.Status, c.Priority, c.Category, c.Subject, c.ReceivedAt, c.UpdatedAt),
            i => (i.ReceivedAt, i.Id), ct);
    }

    /// <summary>A case as its customer sees it (public entries only), after the area's one resource check.</summary>
    public async Task<ComplaintDto> ComplaintAsync(CurrentUser user, Guid id, CancellationToken ct) =>
        await ReadAsync(await store.GetForCustomerAsync(user.UserId, id, ct), includeInternal: false, ct);

    /// <summary>Customers get public entries rendered for "您"; staff get everything, the customer named.</summary>
    public async Task<ComplaintDto> ReadAsync(Case c, bool includeInternal, CancellationToken ct)
    {
        var clocks = await db.Clocks.AsNoTracking().Where(x => x.CaseId == c.Id).ToListAsync(ct);
        var tx = await db.CaseTransactions.AsNoTracking().Where(x => x.CaseId == c.Id).Select(x => x.TransactionId).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.CaseId == c.Id && (includeInternal || e.Public)).OrderBy(e => e.Id).ToListAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var surveyed = await db.Surveys.AnyAsync(s => s.CaseId == c.Id, ct);
        var viewer = await ViewerAsync(c, includeInternal, ct);
        var timeline = events.Select(e => CaseMapping.Map(e, renderer, viewer)).ToList();
        return CaseMapping.Map(c, clocks, tx, timeline, files, time.GetUtcNow().UtcDateTime, surveyed);
    }

    public async Task<TimelineViewer> ViewerAsync(Case c, bool staff, CancellationToken ct) =>
        staff ? TimelineViewer.Staff((await users.GetAsync(c.CustomerId, ct))?.DisplayName) : TimelineViewer.Customer;

    public TimelineItemDto Render(CaseEvent e, TimelineViewer viewer) => CaseMapping.Map(e, renderer, viewer);

    public async Task<IReadOnlyList<ClockDto>> ClocksAsync(Guid caseId, CancellationToken ct) =>
        await db.Clocks.AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.Kind)
            .Select(x => new ClockDto(x.Kind, x.State, x.DueAt, x.WarnedAt, x.BreachedAt)).ToListAsync(ct);

    /// <summary>The agent's workspace: full timeline, clocks, linked transactions, the customer 360 and who else has it open.</summary>
    public async Task<TicketDto> TicketAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var c = await store.GetForStaffAsync(user, id, ct);
        var dto = await ReadAsync(c, includeInternal: true, ct);
        var linked = dto.TransactionIds.Count == 0 ? [] : await wallet.GetTransactionsAsync(c.CustomerId, dto.TransactionIds.ToList(), ct);
        var customer = await users.GetAsync(c.CustomerId, ct);
        var earlierCases = await db.Cases.AsNoTracking().Where(x => x.CustomerId == c.CustomerId && x.Id != c.Id).OrderByDescending(x => x.ReceivedAt).Take(10).ToListAsync(ct);
        var ids = earlierCases.Select(x => x.Id).ToList();
        var surveys = await db.Surveys.AsNoTracking().Where(s => ids.Contains(s.CaseId)).ToDictionaryAsync(s => s.CaseId, ct);
        var earlier = earlierCases.Select(x => new EarlierCase(x.Id, x.Number, x.Status, x.Category, x.ReceivedAt,
            surveys.TryGetValue(x.Id, out var s) ? s.Attitude : null, surveys.TryGetValue(x.Id, out var s2) ? s2.Resolved : null)).ToList();
        var c360 = new Customer360(c.CustomerId, customer?.DisplayName ?? "", Masking.Phone(customer?.Phone), Masking.Email(customer?.Email),
            await wallet.GetWalletAsync(c.CustomerId, ct), await wallet.RecentTransactionsAsync(c.CustomerId, 10, ct),
            await security.GetOverviewAsync(c.CustomerId, 10, ct), earlier);
        var others = presence.Touch(id, user.UserId, user.DisplayName);
        return new TicketDto(dto, await ClocksAsync(id, ct), c.AssigneeId, c.Team, c.EscalationLevel, c.ExternalSource,
            c.ExternalReference, c.ExternalDueAt, linked, c360, others);
    }

    public async Task<IReadOnlyList<Macro>> MacrosAsync(string? locale, CancellationToken ct) =>
        await db.Macros.AsNoTracking().Where(m => locale == null || m.Locale == locale).OrderBy(m => m.Name).ToListAsync(ct);

    /// <summary>Every macro, the agent's own language first (the workspace's macro menu).</summary>
    public async Task<IReadOnlyList<Macro>> MacrosPreferringAsync(string locale, CancellationToken ct) =>
        await db.Macros.AsNoTracking().OrderBy(m => m.Locale == locale ? 0 : 1).ThenBy(m => m.Name).ToListAsync(ct);

    /// <summary>The customer's open complaint already about this transaction, if any: a second one points at it (issue #17).</summary>
    public async Task<OpenCaseRef?> OpenComplaintAboutAsync(Guid customerId, Guid transactionId, CancellationToken ct) =>
        await (from link in db.CaseTransactions.AsNoTracking()
               join c in db.Cases.AsNoTracking() on link.CaseId equals c.Id
               where link.TransactionId == transactionId && c.CustomerId == customerId && c.IsOpen && c.MergedIntoId == null
               orderby c.ReceivedAt
               select new OpenCaseRef(c.Id, c.Number)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<CalendarDay>> CalendarAsync(CancellationToken ct) =>
        await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct);
}
