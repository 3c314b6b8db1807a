using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Sla;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases;

public sealed record NewComplaint(string? Category, string? Subject, string? Description, IReadOnlyList<Guid>? TransactionIds, string? DesiredOutcome);
public sealed record Actor(Guid? Id, string Role)
{
    public static Actor System { get; } = new(null, "system");
    public bool IsCustomer => Role == Roles.Customer;
}

/// <summary>
/// Everything that changes a case. Each change runs in one transaction with its timeline entry and
/// SLA clock updates; the case's Version guards against two agents overwriting each other.
/// </summary>
public sealed class CaseService(
    CasesDbContext db, SlaEngine sla, SlaPolicies policies, PriorityRules priorities, IBusinessCalendarProvider calendars,
    IWalletQueries wallet, IAuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(30);
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Case> CreateAsync(Guid customerId, NewComplaint r, string channel, CancellationToken ct, DateTime? receivedAt = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Category is null || !CaseCategories.All.Contains(r.Category)) errors["category"] = ["field.invalid"];
        if (string.IsNullOrWhiteSpace(r.Subject) || r.Subject.Length > 200) errors["subject"] = ["field.required"];
        if (string.IsNullOrWhiteSpace(r.Description) || r.Description.Length > 4000) errors["description"] = ["field.required"];
        if (r.DesiredOutcome is { Length: > 1000 }) errors["desiredOutcome"] = ["field.invalid"];
        if (!CaseChannels.All.Contains(channel)) errors["channel"] = ["field.invalid"];
        var txIds = (r.TransactionIds ?? []).Distinct().ToList();
        if (txIds.Count > 20) errors["transactionIds"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);

        var txs = txIds.Count == 0 ? [] : await wallet.GetTransactionsAsync(customerId, txIds, ct);
        if (txs.Count != txIds.Count) throw AppProblem.Validation("transactionIds", "field.not_your_transaction");

        var now = receivedAt ?? Now;
        var cal = await calendars.GetAsync(ct);
        var since = now - priorities.RepeatWindow;
        var repeat = await db.Cases.AnyAsync(c => c.CustomerId == customerId && c.ReceivedAt >= since && c.MergedIntoId == null, ct)
            || (txIds.Count > 0 && await db.CaseTransactions.AnyAsync(ct2 => txIds.Contains(ct2.TransactionId), ct));
        var amount = txs.Sum(t => t.AmountMinor);
        var priority = PriorityRules.Name(priorities.Decide(r.Category!, amount, repeat));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = new Case
        {
            Number = "pending-" + Guid.NewGuid().ToString("N"), CustomerId = customerId, Category = r.Category!, Channel = channel, Subject = r.Subject!.Trim(),
            Description = r.Description!.Trim(), DesiredOutcome = r.DesiredOutcome?.Trim(), Priority = priority, AmountInvolvedMinor = amount,
            ReceivedAt = now, UpdatedAt = now, RegulatoryDueAt = now + policies.RegulatoryDeadline,
            Team = r.Category is "unauthorized_transaction" or "account_compromised" or "fraud_scam" or "information_leak" ? "security" : "payments",
        };
        db.Cases.Add(c);
        foreach (var id in txIds) db.CaseTransactions.Add(new CaseTransaction { CaseId = c.Id, TransactionId = id });
        var policy = policies.For(priority);
        db.Clocks.Add(sla.Start(c.Id, ClockKind.FirstResponse, policy.FirstResponse, !policy.AroundTheClock, now, cal));
        db.Clocks.Add(sla.Start(c.Id, ClockKind.Resolution, policy.Resolution, !policy.AroundTheClock, now, cal));
        db.Clocks.Add(sla.Start(c.Id, ClockKind.Regulatory, policies.RegulatoryDeadline, false, now, cal));
        AddEvent(c, new Actor(customerId, Roles.Customer), "created", true, c.Description,
            new { c.Category, c.Channel, c.Priority, transactionIds = txIds, repeat, amountInvolvedMinor = amount });
        await RefreshDueAsync(c, ct);
        await db.SaveChangesAsync(ct);
        // The number is taken last, so the per-year counter row stays locked only for one short update.
        c.Number = await NextNumberAsync(BusinessCalendar.ToLocal(now).Year, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await audit.WriteAsync(customerId.ToString(), "case.created", "case:" + c.Id, new { c.Number, c.Category, c.Priority }, ct);
        return c;
    }

    /// <summary>WC-YYYY-NNNNNN from a per-year counter row, incremented under the transaction's write lock.</summary>
    private async Task<string> NextNumberAsync(int year, CancellationToken ct)
    {
        // Create the year's row if missing without failing the transaction when a twin does the same.
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? "INSERT INTO case_counters (\"Year\", \"Next\") VALUES ({0}, 0) ON CONFLICT DO NOTHING"
            : "INSERT OR IGNORE INTO case_counters (\"Year\", \"Next\") VALUES ({0}, 0)", [year], ct);
        await db.Counters.Where(x => x.Year == year).ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, x => x.Next + 1), ct);
        var next = await db.Counters.AsNoTracking().Where(x => x.Year == year).Select(x => x.Next).FirstAsync(ct);
        return $"WC-{year}-{next:D6}";
    }

    public async Task<Case> GetForCustomerAsync(Guid customerId, Guid caseId, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId && c.CustomerId == customerId, ct) ?? throw AppProblem.NotFound();

    public async Task<Case> GetAsync(Guid caseId, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw AppProblem.NotFound();

    /// <summary>A customer message: re-opens a case waiting on the customer and restarts the response clock.</summary>
    public async Task<CaseEvent> CustomerMessageAsync(Case c, Guid customerId, string? body, CancellationToken ct)
    {
        RequireBody(body);
        if (c.Status == CaseStatus.Closed) throw new AppProblem(CaseErrors.CaseClosed);
        var cal = await calendars.GetAsync(ct);
        var e = AddEvent(c, new Actor(customerId, Roles.Customer), "message", true, body!.Trim());
        if (c.Status == CaseStatus.PendingCustomer) await MoveAsync(c, CaseStatus.Open, new Actor(customerId, Roles.Customer), null, cal, ct);
        if (c.FirstResponseAt is not null)
        {
            var next = await ClockAsync(c.Id, ClockKind.NextResponse, ct);
            var policy = policies.For(c.Priority);
            if (next is null) db.Clocks.Add(sla.Start(c.Id, ClockKind.NextResponse, policy.FirstResponse, !policy.AroundTheClock, Now, cal));
            else if (next.State == "stopped") Restart(next, policy.FirstResponse, cal);
        }
        await SaveAsync(c, ct);
        return e;
    }

    /// <summary>A staff reply (public): stops first/next response clocks.</summary>
    public async Task<CaseEvent> ReplyAsync(Case c, Actor staff, string? body, CancellationToken ct)
    {
        RequireBody(body);
        if (c.Status == CaseStatus.Closed) throw new AppProblem(CaseErrors.CaseClosed);
        var cal = await calendars.GetAsync(ct);
        var e = AddEvent(c, staff, "reply", true, body!.Trim());
        c.FirstResponseAt ??= Now;
        foreach (var kind in new[] { ClockKind.FirstResponse, ClockKind.NextResponse })
            if (await ClockAsync(c.Id, kind, ct) is { State: not "stopped" } clock) sla.Stop(clock, Now);
        if (c.Status is CaseStatus.New or CaseStatus.Reopened) await MoveAsync(c, CaseStatus.Open, staff, null, cal, ct);
        c.AssigneeId ??= staff.Role == Roles.Agent ? staff.Id : c.AssigneeId;
        await SaveAsync(c, ct);
        return e;
    }

    public async Task<CaseEvent> NoteAsync(Case c, Actor staff, string? body, CancellationToken ct)
    {
        RequireBody(body);
        var e = AddEvent(c, staff, "internal_note", false, body!.Trim());
        await SaveAsync(c, ct);
        return e;
    }

    public async Task AssignAsync(Case c, Actor staff, Guid agentId, CancellationToken ct)
    {
        c.AssigneeId = agentId;
        AddEvent(c, staff, "assignment", false, "", new { agentId });
        await SaveAsync(c, ct);
    }

    public async Task ChangeStatusAsync(Case c, Actor actor, string? status, string? reason, CancellationToken ct)
    {
        if (status is null || !CaseStatus.All.Contains(status)) throw AppProblem.Validation("status", "field.invalid");
        var cal = await calendars.GetAsync(ct);
        await MoveAsync(c, status, actor, reason, cal, ct);
        await SaveAsync(c, ct);
    }

    public async Task EscalateAsync(Case c, Guid customerId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000) throw AppProblem.Validation("reason", "field.required");
        if (c.ReviewState == "pending") throw new AppProblem(CaseErrors.AlreadyEscalated);
        if (c.Status == CaseStatus.Closed) throw new AppProblem(CaseErrors.CaseClosed);
        var cal = await calendars.GetAsync(ct);
        var raised = PriorityRules.Name(PriorityRules.Level(c.Priority) - 1);
        var before = c.Priority;
        c.ReviewState = "pending";
        c.EscalationLevel = Math.Max(c.EscalationLevel, 2);
        if (raised != c.Priority) await ChangePriorityAsync(c, raised, cal, ct);
        AddEvent(c, new Actor(customerId, Roles.Customer), "escalation", true, reason.Trim(), new { from = before, to = c.Priority, review = true });
        await SaveAsync(c, ct);
        await audit.WriteAsync(customerId.ToString(), "case.escalated", "case:" + c.Id, new { reason }, ct);
    }

    public async Task ReviewAsync(Case c, Actor supervisor, string? decision, string? reasoning, CancellationToken ct)
    {
        if (decision is not ("uphold" or "change_remedy" or "return_to_agent")) throw AppProblem.Validation("decision", "field.invalid");
        if (string.IsNullOrWhiteSpace(reasoning)) throw AppProblem.Validation("reasoning", "field.required");
        if (c.ReviewState != "pending") throw new AppProblem(ErrorCodes.Conflict);
        c.ReviewState = decision switch { "uphold" => "upheld", "change_remedy" => "changed", _ => "returned" };
        AddEvent(c, supervisor, "review", true, reasoning.Trim(), new { decision });
        await SaveAsync(c, ct);
        await audit.WriteAsync(supervisor.Id?.ToString() ?? "system", "case.reviewed", "case:" + c.Id, new { decision }, ct);
    }

    public async Task ReopenAsync(Case c, Actor actor, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw AppProblem.Validation("reason", "field.required");
        if (c.Status is not (CaseStatus.Resolved or CaseStatus.Closed)) throw new AppProblem(CaseErrors.InvalidTransition);
        var since = c.ResolvedAt ?? c.ClosedAt ?? c.UpdatedAt;
        if (actor.IsCustomer && Now - since > ReopenWindow) throw new AppProblem(CaseErrors.ReopenWindowPassed);
        var cal = await calendars.GetAsync(ct);
        await MoveAsync(c, CaseStatus.Reopened, actor, reason.Trim(), cal, ct);
        await SaveAsync(c, ct);
    }

    public async Task ExtendRegulatoryAsync(Case c, Actor supervisor, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw AppProblem.Validation("reason", "field.required");
        if (c.RegulatoryExtended) throw new AppProblem(CaseErrors.ExtensionUsed);
        var cal = await calendars.GetAsync(ct);
        var clock = await ClockAsync(c.Id, ClockKind.Regulatory, ct) ?? throw new AppProblem(ErrorCodes.Conflict);
        c.RegulatoryExtended = true;
        c.RegulatoryDueAt = c.ReceivedAt + policies.RegulatoryExtended;
        sla.Rebudget(clock, policies.RegulatoryExtended, Now, cal);
        AddEvent(c, supervisor, "regulatory_extension", false, reason.Trim(), new { dueAt = c.RegulatoryDueAt });
        await SaveAsync(c, ct);
        await audit.WriteAsync(supervisor.Id?.ToString() ?? "system", "case.regulatory_extended", "case:" + c.Id, new { reason }, ct);
    }

    // ------------------------------------------------------------------ internals

    internal async Task MoveAsync(Case c, string to, Actor actor, string? reason, BusinessCalendar cal, CancellationToken ct)
    {
        if (!CaseStatus.CanMove(c.Status, to)) throw new AppProblem(CaseErrors.InvalidTransition, c.Status, to);
        var from = c.Status;
        c.Status = to;
        c.IsOpen = CaseStatus.IsOpenStatus(to);
        var now = Now;
        var resolution = await ClockAsync(c.Id, ClockKind.Resolution, ct);
        if (resolution is not null)
        {
            if (to == CaseStatus.PendingCustomer) sla.Pause(resolution, now, cal);
            else if (from == CaseStatus.PendingCustomer && c.IsOpen) sla.Resume(resolution, now, cal);
        }
        if (to == CaseStatus.Resolved)
        {
            c.ResolvedAt = now;
            foreach (var clock in await db.Clocks.Where(x => x.CaseId == c.Id && x.State != "stopped").ToListAsync(ct)) sla.Stop(clock, now);
        }
        if (to == CaseStatus.Closed)
        {
            c.ClosedAt = now;
            foreach (var clock in await db.Clocks.Where(x => x.CaseId == c.Id && x.State != "stopped").ToListAsync(ct)) sla.Stop(clock, now);
        }
        if (to == CaseStatus.Reopened && resolution is not null)
        {
            c.ResolvedAt = null;
            c.ClosedAt = null;
            Restart(resolution, TimeSpan.FromTicks(Math.Max(resolution.BudgetTicks - resolution.ConsumedTicks, policies.For(c.Priority).FirstResponse.Ticks)), cal);
            var reg = await ClockAsync(c.Id, ClockKind.Regulatory, ct);
            if (reg is not null && reg.BreachedAt is null && now < c.RegulatoryDueAt) { reg.State = "running"; reg.StoppedAt = null; sla.Recompute(reg, now, cal); }
        }
        AddEvent(c, actor, "status_change", true, reason ?? "", new { from, to });
    }

    private async Task ChangePriorityAsync(Case c, string priority, BusinessCalendar cal, CancellationToken ct)
    {
        c.Priority = priority;
        var policy = policies.For(priority);
        foreach (var clock in await db.Clocks.Where(x => x.CaseId == c.Id && x.Kind != ClockKind.Regulatory && x.State != "stopped").ToListAsync(ct))
        {
            clock.BusinessTime = !policy.AroundTheClock;
            sla.Rebudget(clock, clock.Kind == ClockKind.Resolution ? policy.Resolution : policy.FirstResponse, Now, cal);
        }
    }

    private void Restart(SlaClock clock, TimeSpan budget, BusinessCalendar cal)
    {
        clock.State = "running";
        clock.StoppedAt = null;
        clock.PausedAt = null;
        clock.ConsumedTicks = 0;
        clock.BudgetTicks = budget.Ticks;
        clock.WarnedAt = null;
        clock.BreachedAt = null;
        clock.SegmentStart = Now;
        sla.Recompute(clock, Now, cal);
    }

    private Task<SlaClock?> ClockAsync(Guid caseId, string kind, CancellationToken ct) =>
        db.Clocks.FirstOrDefaultAsync(x => x.CaseId == caseId && x.Kind == kind, ct);

    internal CaseEvent AddEvent(Case c, Actor actor, string kind, bool isPublic, string body, object? data = null)
    {
        var e = new CaseEvent
        {
            CaseId = c.Id, At = Now, ActorId = actor.Id, ActorRole = actor.Role, Kind = kind, Public = isPublic, Body = body,
            DataJson = data is null ? null : JsonSerializer.Serialize(data, JsonSerializerOptions.Web),
        };
        db.Events.Add(e);
        c.UpdatedAt = Now;
        return e;
    }

    /// <summary>NextDueAt = the earliest running clock; the queue sorts by it.</summary>
    internal async Task RefreshDueAsync(Case c, CancellationToken ct)
    {
        var clocks = db.Clocks.Local.Where(x => x.CaseId == c.Id).ToList();
        if (clocks.Count == 0) clocks = await db.Clocks.Where(x => x.CaseId == c.Id).ToListAsync(ct);
        // Never null, so the queue's ORDER BY NextDueAt walks an index on both databases:
        // open cases fall back to the regulatory deadline, finished ones sort last.
        c.NextDueAt = !c.IsOpen ? NoDue
            : clocks.Where(x => x.State == "running" && x.Kind != ClockKind.Regulatory).Select(x => (DateTime?)x.DueAt).Min() ?? c.RegulatoryDueAt;
        c.AtRisk = clocks.Any(x => x.State == "running" && x.WarnedAt is not null);
        c.Breached = clocks.Any(x => x.BreachedAt is not null && x.State != "stopped");
    }

    /// <summary>The sort key of cases that have nothing due (resolved, closed).</summary>
    public static readonly DateTime NoDue = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private async Task SaveAsync(Case c, CancellationToken ct)
    {
        c.Version++;
        await RefreshDueAsync(c, ct);
        await db.SaveChangesAsync(ct);
    }

    private static void RequireBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > 8000) throw AppProblem.Validation("body", "field.required");
    }
}
