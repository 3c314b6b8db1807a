using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WalletCare.Notifications.Domain;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Outbox;

namespace WalletCare.Notifications.Outbox;

/// <summary>
/// Delivers due outbox rows through the transport registered for their channel. A row is first claimed:
/// its NextAttemptAt is pushed <see cref="Lease"/> ahead in a short transaction (PostgreSQL: FOR UPDATE SKIP
/// LOCKED, so drains on several nodes take disjoint rows without waiting; SQLite: one writer, and the claim is
/// a conditional UPDATE that only one drain can win). Delivery happens after that transaction, so a slow SMS
/// gateway never holds a lock. Rows of a channel with no transport here (e.g. "webhook") are left alone.
/// </summary>
public sealed class OutboxDrainer(NotificationsDbContext db, IEnumerable<IOutboxTransport> transports, PreferenceRules preferences,
    TimeProvider time, ILogger<OutboxDrainer> log)
{
    /// <summary>How long a claimed row belongs to one drain; longer than any transport's own timeout.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public const int BatchSize = 50;

    /// <summary>Wait before attempt n+1 after n failures; after the last one (about a day in all) the row is dead.</summary>
    public static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
        TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>One pass: claims what is due and delivers it. Returns how many rows were delivered.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken ct = default)
    {
        // The last registration of a channel wins, so another area can replace a default transport.
        var byChannel = new Dictionary<string, IOutboxTransport>();
        foreach (var t in transports) byChannel[t.Channel] = t;
        if (byChannel.Count == 0) return 0;
        var claimed = await ClaimAsync([.. byChannel.Keys], ct);
        var sent = 0;
        foreach (var m in claimed)
            if (await DeliverAsync(m, byChannel[m.Channel], ct)) sent++;
        return sent;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(string[] channels, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        if (db.IsPostgres)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.Outbox.FromSql($"""
                SELECT * FROM outbox_messages
                WHERE "State" = 'pending' AND "NextAttemptAt" <= {now} AND "Channel" = ANY({channels})
                ORDER BY "NextAttemptAt" LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).AsNoTracking().ToListAsync(ct);
            var ids = rows.Select(r => r.Id).ToList();
            if (ids.Count > 0) await db.Outbox.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, until), ct);
            await tx.CommitAsync(ct);
            return rows;
        }
        var due = await db.Outbox.AsNoTracking()
            .Where(r => r.State == OutboxStates.Pending && r.NextAttemptAt <= now && channels.Contains(r.Channel))
            .OrderBy(r => r.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
        var claimed = new List<OutboxMessage>();
        foreach (var r in due)
            if (await db.Outbox.Where(x => x.Id == r.Id && x.State == OutboxStates.Pending && x.NextAttemptAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, until), ct) == 1)
                claimed.Add(r);
        return claimed;
    }

    private async Task<bool> DeliverAsync(OutboxMessage m, IOutboxTransport transport, CancellationToken ct)
    {
        if (m.UserId is Guid user && !await preferences.AllowsAsync(user, m.Kind, m.Channel, ct))
        {
            var at = time.GetUtcNow().UtcDateTime;
            await db.Outbox.Where(x => x.Id == m.Id && x.State == OutboxStates.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, NotificationKinds.SkippedState).SetProperty(x => x.SentAt, at), ct);
            return false;
        }
        try
        {
            await transport.SendAsync(m, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = m.Attempts + 1;
            var at = time.GetUtcNow().UtcDateTime;
            var dead = attempts > Backoff.Length;
            var next = dead ? at : at + Backoff[attempts - 1];
            var error = $"{e.GetType().Name}: {e.Message}";
            if (error.Length > 400) error = error[..400];
            await db.Outbox.Where(x => x.Id == m.Id && x.State == OutboxStates.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, error).SetProperty(x => x.NextAttemptAt, next)
                .SetProperty(x => x.State, dead ? OutboxStates.Dead : OutboxStates.Pending), ct);
            log.LogWarning(e, "Outbox {Id} ({Channel}) failed on attempt {Attempt}; {Outcome}", m.Id, m.Channel, attempts, dead ? "gave up" : $"next at {next:o}");
            return false;
        }
        var sentAt = time.GetUtcNow().UtcDateTime;
        await db.Outbox.Where(x => x.Id == m.Id && x.State == OutboxStates.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, OutboxStates.Sent).SetProperty(x => x.SentAt, sentAt).SetProperty(x => x.Attempts, m.Attempts + 1)
            .SetProperty(x => x.LastError, (string?)null), ct);
        return true;
    }
}

/// <summary>Drains the outbox every few seconds on whichever node holds the lease.</summary>
internal sealed class OutboxJob(IServiceProvider services, TimeProvider time, WalletCareSettings settings, ILogger<OutboxJob> log)
    : PeriodicJob(services, time, settings, log)
{
    protected override string LeaseName => "outbox";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(3);

    protected override Task RunOnceAsync(IServiceProvider scoped, CancellationToken ct) =>
        scoped.GetRequiredService<OutboxDrainer>().DrainOnceAsync(ct);
}
