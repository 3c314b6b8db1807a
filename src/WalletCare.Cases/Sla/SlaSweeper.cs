using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Modules;

namespace WalletCare.Cases.Sla;

/// <summary>
/// Finds clocks whose warning or breach instant has passed — by the NextCheckAt index, so the cost
/// grows with the clocks due, not with the number of cases — and records the warning or escalation.
/// Safe on several nodes: PostgreSQL claims rows with FOR UPDATE SKIP LOCKED, SQLite has one writer,
/// and an escalation row keyed (case, clock, level) makes each level happen exactly once.
/// </summary>
public sealed class SlaSweeper(CasesDbContext db, SlaEngine sla, IBusinessCalendarProvider calendars, TimeProvider time, ILogger<SlaSweeper> log)
{
    public const int BatchSize = 200;
    private static readonly string[] LevelNames = ["agent", "team_lead", "supervisor"];

    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cal = await calendars.GetAsync(ct);
        var processed = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var clocks = db.IsPostgres
            ? await db.Clocks.FromSqlRaw(
                "SELECT * FROM sla_clocks WHERE \"NextCheckAt\" <= {0} ORDER BY \"NextCheckAt\" LIMIT {1} FOR UPDATE SKIP LOCKED", now, BatchSize).ToListAsync(ct)
            : await db.Clocks.Where(c => c.NextCheckAt <= now).OrderBy(c => c.NextCheckAt).Take(BatchSize).ToListAsync(ct);
        foreach (var clock in clocks)
        {
            // Re-check under the lock: another sweeper may have handled it just before us.
            if (clock.State != "running" || clock.NextCheckAt is null || clock.NextCheckAt > now) continue;
            var c = await db.Cases.FirstAsync(x => x.Id == clock.CaseId, ct);
            if (clock.WarnedAt is null && now >= clock.WarnAt && now < clock.DueAt)
            {
                clock.WarnedAt = now;
                db.Events.Add(c.Record(Actor.System, TimelineKinds.SlaWarning, false, now, new TimelineArgs { Clock = clock.Kind, DueAt = clock.DueAt }));
                Notify(c, "sla_warning", clock.Kind, now);
                c.AtRisk = true;
            }
            else if (now >= clock.DueAt)
            {
                clock.WarnedAt ??= now;
                var first = clock.BreachedAt is null;
                clock.BreachedAt ??= now;
                var level = clock.Kind == ClockKind.Regulatory ? 2 : Math.Min(2, clock.EscalatedLevel + 1);
                if (first || level > clock.EscalatedLevel) await EscalateAsync(c, clock, level, now, ct);
                c.Breached = true;
            }
            clock.NextCheckAt = sla.NextCheck(clock, cal);
            if (clock.NextCheckAt is { } next && next <= now) clock.NextCheckAt = now.AddMinutes(1);
            c.UpdatedAt = now;
            processed++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (processed > 0) log.LogInformation("SLA sweep handled {Count} clocks", processed);
        return processed;
    }

    private async Task EscalateAsync(Case c, SlaClock clock, int level, DateTime now, CancellationToken ct)
    {
        if (await db.Escalations.AnyAsync(e => e.CaseId == c.Id && e.ClockKind == clock.Kind && e.Level == level, ct))
        {
            clock.EscalatedLevel = Math.Max(clock.EscalatedLevel, level);
            return;
        }
        db.Escalations.Add(new SlaEscalation { CaseId = c.Id, ClockKind = clock.Kind, Level = level, At = now });
        clock.EscalatedLevel = level;
        c.EscalationLevel = Math.Max(c.EscalationLevel, level);
        db.Events.Add(c.Record(Actor.System, TimelineKinds.SlaBreach, false, now, new TimelineArgs { Clock = clock.Kind, DueAt = clock.DueAt, Level = level }));
        Notify(c, "sla_breach", $"{clock.Kind}:{LevelNames[level]}", now);
    }

    private void Notify(Case c, string kind, string body, DateTime now) => db.Notifications.Add(new CaseNotification
    {
        CaseId = c.Id, RecipientId = c.AssigneeId, RecipientRole = c.AssigneeId is null ? "supervisor" : null, Kind = kind, Body = body, At = now,
    });
}

/// <summary>Runs the sweeper (until it finds nothing due) and auto-close every 30 s, under a lease.</summary>
internal sealed class SlaSweeperService(IServiceProvider services, TimeProvider time, WalletCareSettings settings, ILogger<SlaSweeperService> log)
    : PeriodicJob(services, time, settings, log)
{
    protected override string LeaseName => "sla-sweeper";

    protected override async Task RunOnceAsync(IServiceProvider scoped, CancellationToken ct)
    {
        while (await scoped.GetRequiredService<SlaSweeper>().SweepAsync(ct) == SlaSweeper.BatchSize) { }
        await scoped.GetRequiredService<CaseMaintenance>().AutoCloseAsync(ct);
    }
}
