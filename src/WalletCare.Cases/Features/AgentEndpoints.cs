using WalletCare.Platform.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Paging;

namespace WalletCare.Cases.Features;

public sealed record AssignRequest(Guid? AgentId);
public sealed record StatusRequest(string? Status, string? Reason, int? Version);
public sealed record ReviewRequest(string? Decision, string? Reasoning);
public sealed record MergeRequest(Guid? IntoTicketId);
public sealed record ExternalCaseRequest(string? Source, string? Reference, DateTime? ReceivedAt, DateTime? DueAt);
public sealed record CalendarEdit(string? Kind);

public sealed record QueueItem(Guid Id, string Number, string Status, string Priority, string Category, string Channel, string Subject,
    Guid? AssigneeId, string Team, DateTime? NextDueAt, bool AtRisk, bool Breached, int EscalationLevel, string? ReviewState,
    string? ExternalSource, DateTime? ExternalDueAt, DateTime ReceivedAt);

public sealed record EarlierCase(Guid Id, string Number, string Status, string Category, DateTime ReceivedAt, int? Attitude, bool? Resolved);
public sealed record Customer360(Guid Id, string DisplayName, string? PhoneMasked, string? EmailMasked, WalletSummary? Wallet,
    IReadOnlyList<TransactionSummary> RecentTransactions, SecurityOverview Security, IReadOnlyList<EarlierCase> EarlierCases);
public sealed record TicketDto(ComplaintDto Case, IReadOnlyList<ClockDto> Clocks, Guid? AssigneeId, string Team, int EscalationLevel,
    string? ExternalSource, string? ExternalReference, DateTime? ExternalDueAt, IReadOnlyList<TransactionSummary> LinkedTransactions,
    Customer360 Customer, IReadOnlyList<string> OthersViewing);

/// <summary>The staff side: queue, workspace, replies, notes, status, review, merge, external cases.</summary>
public static class AgentEndpoints
{
    public static void MapAgent(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/agent").RequireAuthorization(Policies.Staff).WithTags("Agent");
        g.MapGet("/queue", Queue);
        g.MapGet("/tickets/{id:guid}", Ticket);
        g.MapPost("/tickets/{id:guid}/replies", async (Guid id, BodyRequest req, CaseService cases, CurrentUser user, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/agent/tickets/{id}", CaseMapping.Map(await cases.ReplyAsync(await cases.GetAsync(id, ct), Me(user), req.Body, ct))));
        g.MapPost("/tickets/{id:guid}/notes", async (Guid id, BodyRequest req, CaseService cases, CurrentUser user, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/agent/tickets/{id}", CaseMapping.Map(await cases.NoteAsync(await cases.GetAsync(id, ct), Me(user), req.Body, ct))));
        g.MapPost("/tickets/{id:guid}/assign", async (Guid id, AssignRequest req, CaseService cases, IUserDirectory users, CurrentUser user, CancellationToken ct) =>
        {
            var agent = req.AgentId is { } a ? await users.GetAsync(a, ct) : null;
            if (agent is null || !Roles.IsStaff(agent.Role)) throw AppProblem.Validation("agentId", "field.invalid");
            await cases.AssignAsync(await cases.GetAsync(id, ct), Me(user), agent.Id, ct);
            return TypedResults.NoContent();
        });
        g.MapPost("/tickets/{id:guid}/auto-assign", async (Guid id, AssignmentService assign, CaseService cases, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok(new { agentId = await assign.AutoAssignAsync(await cases.GetAsync(id, ct), Me(user), ct) }));
        g.MapPost("/tickets/{id:guid}/status", async (Guid id, StatusRequest req, CaseService cases, CurrentUser user, CancellationToken ct) =>
        {
            var c = await cases.GetAsync(id, ct);
            if (req.Version is { } v && v != c.Version) throw new AppProblem(ErrorCodes.ConcurrencyConflict);
            await cases.ChangeStatusAsync(c, Me(user), req.Status, req.Reason, ct);
            return TypedResults.NoContent();
        });
        g.MapPost("/tickets/{id:guid}/merge", Merge);
        g.MapPost("/tickets/{id:guid}/external-cases", External).RequireAuthorization(Policies.Compliance);
        g.MapPost("/tickets/{id:guid}/regulatory-extension", async (Guid id, ReasonRequest req, CaseService cases, CurrentUser user, CancellationToken ct) =>
        {
            await cases.ExtendRegulatoryAsync(await cases.GetAsync(id, ct), Me(user), req.Reason, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Supervisor);
        g.MapGet("/reviews", Reviews).RequireAuthorization(Policies.Supervisor);
        g.MapPost("/tickets/{id:guid}/review", async (Guid id, ReviewRequest req, CaseService cases, CurrentUser user, CancellationToken ct) =>
        {
            await cases.ReviewAsync(await cases.GetAsync(id, ct), Me(user), req.Decision, req.Reasoning, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Supervisor);
        g.MapGet("/macros", async (CasesDbContext db, string? locale, CancellationToken ct) =>
            TypedResults.Ok(await db.Macros.AsNoTracking().Where(m => locale == null || m.Locale == locale).OrderBy(m => m.Name).ToListAsync(ct)));

        app.MapPut("/api/v1/admin/calendar/{date}", EditCalendar).RequireAuthorization(Policies.Supervisor).WithTags("Admin");
        app.MapGet("/api/v1/admin/calendar", async (CasesDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct))).RequireAuthorization(Policies.Staff).WithTags("Admin");
    }

    public static Actor Me(CurrentUser user) => new(user.UserId, user.Role);

    public static async Task<Ok<CursorPage<QueueItem>>> Queue(CasesDbContext db, CurrentUser user, string? view, string? status, string? priority,
        string? category, string? channel, string? assignee, string? team, bool? breached, bool? atRisk, bool? external, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var q = db.Cases.AsNoTracking().Where(c => c.MergedIntoId == null);
        q = view switch
        {
            "mine" => q.Where(c => c.AssigneeId == user.UserId && c.IsOpen),
            "unassigned" => q.Where(c => c.AssigneeId == null && c.IsOpen),
            "at_risk" => q.Where(c => c.IsOpen && (c.AtRisk || c.Breached)),
            "review" => q.Where(c => c.ReviewState == "pending"),
            "all" => q,
            _ => string.IsNullOrEmpty(status) ? q.Where(c => c.IsOpen) : q,
        };
        if (!string.IsNullOrEmpty(status)) q = q.Where(c => c.Status == status);
        if (!string.IsNullOrEmpty(priority)) q = q.Where(c => c.Priority == priority);
        if (!string.IsNullOrEmpty(category)) q = q.Where(c => c.Category == category);
        if (!string.IsNullOrEmpty(channel)) q = q.Where(c => c.Channel == channel);
        if (!string.IsNullOrEmpty(team)) q = q.Where(c => c.Team == team);
        if (assignee == "me") q = q.Where(c => c.AssigneeId == user.UserId);
        else if (assignee == "none") q = q.Where(c => c.AssigneeId == null);
        else if (Guid.TryParse(assignee, out var a)) q = q.Where(c => c.AssigneeId == a);
        if (breached is { } b) q = q.Where(c => c.Breached == b);
        if (atRisk is { } r) q = q.Where(c => c.AtRisk == r);
        if (external is { } x) q = x ? q.Where(c => c.ExternalSource != null) : q.Where(c => c.ExternalSource == null);
        // Keyset on (NextDueAt, Id), which an index serves directly (NextDueAt is never null: see CaseService.RefreshDueAsync).
        if (Cursor.TryDecode(cursor, out DateTime after, out var idText) && Guid.TryParse(idText, out var afterId))
            q = q.Where(c => c.NextDueAt > after || (c.NextDueAt == after && c.Id.CompareTo(afterId) > 0));
        var rows = await q.OrderBy(c => c.NextDueAt).ThenBy(c => c.Id).Take(take + 1)
            .Select(c => new QueueItem(c.Id, c.Number, c.Status, c.Priority, c.Category, c.Channel, c.Subject, c.AssigneeId, c.Team, c.NextDueAt,
                c.AtRisk, c.Breached, c.EscalationLevel, c.ReviewState, c.ExternalSource, c.ExternalDueAt, c.ReceivedAt)).ToListAsync(ct);
        var items = rows.Take(take).ToList();
        var next = rows.Count > take ? Cursor.Encode(items[^1].NextDueAt ?? CaseService.NoDue, items[^1].Id.ToString()) : null;
        return TypedResults.Ok(new CursorPage<QueueItem>(items, next));
    }

    private static async Task<Ok<TicketDto>> Ticket(Guid id, TicketReader tickets, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await tickets.ReadAsync(id, user, ct));

    private static async Task<Ok<CursorPage<QueueItem>>> Reviews(CasesDbContext db, CurrentUser user, int? limit, string? cursor, CancellationToken ct) =>
        await Queue(db, user, "review", null, null, null, null, null, null, null, null, null, limit, cursor, ct);

    private static async Task<NoContent> Merge(Guid id, MergeRequest req, CaseService cases, CasesDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (req.IntoTicketId is not { } intoId || intoId == id) throw AppProblem.Validation("intoTicketId", "field.invalid");
        var from = await cases.GetAsync(id, ct);
        var into = await cases.GetAsync(intoId, ct);
        if (from.CustomerId != into.CustomerId || from.MergedIntoId is not null || into.MergedIntoId is not null)
            throw new AppProblem(CaseErrors.MergeInvalid);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Timeline entries and evidence move to the surviving case; nothing is deleted.
        await db.Events.Where(e => e.CaseId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CaseId, into.Id), ct);
        await db.Attachments.Where(a => a.CaseId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CaseId, into.Id), ct);
        var linked = await db.CaseTransactions.Where(t => t.CaseId == from.Id).Select(t => t.TransactionId).ToListAsync(ct);
        var existing = await db.CaseTransactions.Where(t => t.CaseId == into.Id).Select(t => t.TransactionId).ToListAsync(ct);
        foreach (var t in linked.Except(existing)) db.CaseTransactions.Add(new CaseTransaction { CaseId = into.Id, TransactionId = t });
        from.MergedIntoId = into.Id;
        if (from.IsOpen) await cases.MoveAsync(from, CaseStatus.Closed, Me(user), "merged", await new Calendar.EditableCalendarProvider(db).GetAsync(ct), ct);
        cases.AddEvent(into, Me(user), "merge", true, from.Number, new { mergedCaseId = from.Id, mergedNumber = from.Number });
        cases.AddEvent(from, Me(user), "merge", true, into.Number, new { mergedInto = into.Id, intoNumber = into.Number });
        from.Version++;
        into.Version++;
        await cases.RefreshDueAsync(from, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> External(Guid id, ExternalCaseRequest req, CaseService cases, CasesDbContext db, CurrentUser user, CancellationToken ct)
    {
        string[] sources = ["12315", "pboc", "nfra", "consumer_association", "heimao", "jutousu", "court", "other"];
        var errors = new Dictionary<string, string[]>();
        if (req.Source is null || !sources.Contains(req.Source)) errors["source"] = ["field.invalid"];
        if (string.IsNullOrWhiteSpace(req.Reference) || req.Reference.Length > 100) errors["reference"] = ["field.required"];
        if (req.DueAt is null) errors["dueAt"] = ["field.required"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var c = await cases.GetAsync(id, ct);
        c.ExternalSource = req.Source;
        c.ExternalReference = req.Reference!.Trim();
        c.ExternalDueAt = req.DueAt!.Value.ToUniversalTime();
        if (c.ExternalDueAt < c.RegulatoryDueAt) c.RegulatoryDueAt = c.ExternalDueAt.Value;
        cases.AddEvent(c, Me(user), "external_case", false, c.ExternalReference, new { req.Source, req.Reference, req.ReceivedAt, dueAt = c.ExternalDueAt });
        c.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EditCalendar(string date, CalendarEdit req, CasesDbContext db, CurrentUser user, TimeProvider time, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d)) throw AppProblem.Validation("date", "field.invalid");
        if (req.Kind is not ("holiday" or "workday" or "default")) throw AppProblem.Validation("kind", "field.invalid");
        var row = await db.CalendarDays.FirstOrDefaultAsync(x => x.Date == d, ct);
        if (req.Kind == "default") { if (row is not null) db.CalendarDays.Remove(row); }
        else if (row is null) db.CalendarDays.Add(new CalendarDay { Date = d, Kind = req.Kind, EditedBy = user.UserId, EditedAt = time.GetUtcNow().UtcDateTime });
        else { row.Kind = req.Kind; row.EditedBy = user.UserId; row.EditedAt = time.GetUtcNow().UtcDateTime; }
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Who has a case open right now (collision warning). In memory per node; entries expire after 2 minutes.</summary>
public sealed class Presence(TimeProvider time)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid Case, Guid User), (string Name, DateTime At)> _seen = new();

    public IReadOnlyList<string> Touch(Guid caseId, Guid userId, string name)
    {
        var now = time.GetUtcNow().UtcDateTime;
        _seen[(caseId, userId)] = (name, now);
        return _seen.Where(kv => kv.Key.Case == caseId && kv.Key.User != userId && now - kv.Value.At < TimeSpan.FromMinutes(2))
            .Select(kv => kv.Value.Name).ToList();
    }
}

/// <summary>The agent's workspace view of a case: full timeline, clocks, linked transactions and the customer 360.</summary>
public sealed class TicketReader(CaseService cases, CaseReader reader, CasesDbContext db, IWalletQueries wallet, IUserDirectory users,
    ISecurityQueries security, Presence presence)
{
    public async Task<TicketDto> ReadAsync(Guid id, CurrentUser user, CancellationToken ct)
    {
        var c = await cases.GetAsync(id, ct);
        var dto = await reader.ReadAsync(c, includeInternal: true, ct);
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
        return new TicketDto(dto, await reader.ClocksAsync(id, ct), c.AssigneeId, c.Team, c.EscalationLevel, c.ExternalSource,
            c.ExternalReference, c.ExternalDueAt, linked, c360, others);
    }

    /// <summary>Fills a macro's placeholders for this case.</summary>
    public static string Expand(string body, TicketDto t)
    {
        var expected = t.LinkedTransactions.Where(x => x.ExpectedBy is not null).Select(x => x.ExpectedBy).FirstOrDefault()
            ?? t.Customer.RecentTransactions.Where(x => x.Type == "refund" && x.ExpectedBy is not null).Select(x => x.ExpectedBy).FirstOrDefault();
        var when = expected is null ? "—" : WalletCare.Platform.Calendar.BusinessCalendar.ToLocal(expected.Value).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return body.Replace("{customerName}", t.Customer.DisplayName).Replace("{caseNumber}", t.Case.Number).Replace("{refundExpectedBy}", when);
    }
}
