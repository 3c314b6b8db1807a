using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Notifications;
using WalletCare.Notifications.Outbox;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;

namespace WalletCare.Notifications.Tests;

/// <summary>A transport for the "test" channel that counts deliveries per row and fails while told to.</summary>
public sealed class RecordingTransport : IOutboxTransport
{
    public const string Name = "test";
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();
    public int Calls;
    public volatile bool Failing;

    public string Channel => Name;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        await Task.Yield();
        if (Failing) throw new InvalidOperationException("gateway down");
        Deliveries.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
    }
}

internal static class NotificationTestKit
{
    public static (WalletCareFactory Factory, RecordingTransport Transport) WithRecorder(Db db, bool demo = true)
    {
        var transport = new RecordingTransport();
        return (new WalletCareFactory(db, demo, configure: s => s.AddSingleton<IOutboxTransport>(transport)), transport);
    }

    public static Task<int> DrainAsync(this WalletCareFactory f) =>
        f.ScopedAsync(sp => sp.GetRequiredService<OutboxDrainer>().DrainOnceAsync());

    public static async Task<Guid> EnqueueAsync(this WalletCareFactory f, string channel, string body, string? to = null, Guid? userId = null,
        string kind = "verification_code", string? headersJson = null)
    {
        var m = OutboxMessage.Create(channel, kind, f.Time.GetUtcNow().UtcDateTime, userId, to, "subject", body, headersJson);
        await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            db.Outbox.Add(m);
            return await db.SaveChangesAsync();
        });
        return m.Id;
    }

    public static Task<OutboxMessage?> RowAsync(this WalletCareFactory f, Guid id) =>
        f.ScopedAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));

    public static Task<List<OutboxMessage>> RowsForAsync(this WalletCareFactory f, Guid userId) =>
        f.ScopedAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Outbox.AsNoTracking().Where(m => m.UserId == userId).ToListAsync());

    public static IEnumerable<JsonElement> Items(this JsonElement e) => e.GetProperty("items").EnumerateArray();
}
