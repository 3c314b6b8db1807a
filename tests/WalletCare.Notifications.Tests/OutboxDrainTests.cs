using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Notifications.Outbox;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Notifications.Tests;

public abstract class OutboxDrainTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task A_row_enqueued_in_a_rolled_back_transaction_is_never_sent()
    {
        var (f, transport) = NotificationTestKit.WithRecorder(Db, demo: false);
        await using var _ = f;
        await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Outbox.Add(OutboxMessage.Create(RecordingTransport.Name, "verification_code", f.Time.GetUtcNow().UtcDateTime, null, "x", "s", "rolled back"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });
        var kept = await f.EnqueueAsync(RecordingTransport.Name, "committed");
        Assert.Equal(1, await f.DrainAsync());
        Assert.Equal(0, await f.DrainAsync());
        Assert.Equal([kept], transport.Deliveries.Keys);
        Assert.Equal(1, await f.ScopedAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Outbox.CountAsync()));
    }

    [Fact]
    public async Task Two_drains_at_once_send_every_row_exactly_once()
    {
        var (f, transport) = NotificationTestKit.WithRecorder(Db, demo: false);
        await using var _ = f;
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++) ids.Add(await f.EnqueueAsync(RecordingTransport.Name, "message " + i));
        var drains = await Task.WhenAll(Task.Run(f.DrainAsync), Task.Run(f.DrainAsync));
        // A row claimed by neither (both saw it locked) is simply taken by the next pass.
        var rest = await f.DrainAsync();
        Assert.Equal(60, drains.Sum() + rest);
        Assert.Equal(ids.Order(), transport.Deliveries.Keys.Order());
        Assert.All(transport.Deliveries.Values, n => Assert.Equal(1, n));
        Assert.Equal(60, transport.Calls);
        foreach (var id in ids)
        {
            var row = await f.RowAsync(id);
            Assert.Equal(OutboxStates.Sent, row!.State);
            Assert.Equal(1, row.Attempts);
        }
    }

    [Fact]
    public async Task A_failing_transport_is_retried_with_backoff_and_sent_once_when_it_recovers()
    {
        var (f, transport) = NotificationTestKit.WithRecorder(Db, demo: false);
        await using var _ = f;
        transport.Failing = true;
        var id = await f.EnqueueAsync(RecordingTransport.Name, "retry me");
        var start = f.Time.GetUtcNow().UtcDateTime;

        Assert.Equal(0, await f.DrainAsync());
        var row = await f.RowAsync(id);
        Assert.Equal((OutboxStates.Pending, 1), (row!.State, row.Attempts));
        Assert.Contains("gateway down", row.LastError);
        Assert.Equal(start + OutboxDrainer.Backoff[0], row.NextAttemptAt);

        // Not due yet: no attempt.
        f.Time.Advance(OutboxDrainer.Backoff[0] - TimeSpan.FromSeconds(1));
        await f.DrainAsync();
        Assert.Equal(1, transport.Calls);

        f.Time.Advance(TimeSpan.FromSeconds(1));
        await f.DrainAsync();
        row = await f.RowAsync(id);
        Assert.Equal(2, row!.Attempts);
        Assert.Equal(f.Time.GetUtcNow().UtcDateTime + OutboxDrainer.Backoff[1], row.NextAttemptAt);

        transport.Failing = false;
        f.Time.Advance(OutboxDrainer.Backoff[1]);
        Assert.Equal(1, await f.DrainAsync());
        f.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await f.DrainAsync());
        row = await f.RowAsync(id);
        Assert.Equal(OutboxStates.Sent, row!.State);
        Assert.Equal(3, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Equal(1, transport.Deliveries[id]);
    }

    [Fact]
    public async Task A_row_that_keeps_failing_for_about_a_day_is_dead_and_a_channel_without_transport_is_left_alone()
    {
        var (f, transport) = NotificationTestKit.WithRecorder(Db, demo: false);
        await using var _ = f;
        transport.Failing = true;
        var id = await f.EnqueueAsync(RecordingTransport.Name, "never");
        // A channel no registered transport delivers (webhook rows now have the channels area's transport).
        var webhook = await f.EnqueueAsync("fax", "{}", to: "+86 10 0000 0000");
        foreach (var wait in OutboxDrainer.Backoff)
        {
            await f.DrainAsync();
            Assert.Equal(OutboxStates.Pending, (await f.RowAsync(id))!.State);
            f.Time.Advance(wait);
        }
        await f.DrainAsync();
        var row = await f.RowAsync(id);
        Assert.Equal(OutboxStates.Dead, row!.State);
        Assert.Equal(OutboxDrainer.Backoff.Length + 1, row.Attempts);
        Assert.InRange(OutboxDrainer.Backoff.Aggregate(TimeSpan.Zero, (a, b) => a + b), TimeSpan.FromHours(20), TimeSpan.FromHours(25));
        f.Time.Advance(TimeSpan.FromDays(2));
        await f.DrainAsync();
        Assert.Equal(OutboxDrainer.Backoff.Length + 1, transport.Calls);

        var hook = await f.RowAsync(webhook);
        Assert.Equal((OutboxStates.Pending, 0), (hook!.State, hook.Attempts));
    }
}

public sealed class OutboxDrainTestsSqlite : OutboxDrainTests { protected override Db Db => Db.Sqlite; }
public sealed class OutboxDrainTestsPostgres : OutboxDrainTests { protected override Db Db => Db.Postgres; }
