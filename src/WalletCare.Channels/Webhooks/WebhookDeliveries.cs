using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WalletCare.Channels.Domain;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Outbox;

namespace WalletCare.Channels.Webhooks;

/// <summary>
/// The outbox transport for channel "webhook": the outbox job hands over each case event once; it is fanned
/// out into one delivery row per interested subscriber (unique per subscriber and event, so a second hand-over
/// adds nothing). Deliveries then retry on their own schedule (<see cref="WebhookDeliverer"/>), because a
/// subscriber being down for hours must neither block other subscribers nor hold the outbox row.
/// </summary>
public sealed class WebhookFanOut(ChannelsDbContext db, TimeProvider time) : IOutboxTransport
{
    public string Channel => OutboxChannels.Webhook;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var subs = (await db.Subscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(ct)).Where(s => s.Wants(message.Kind)).ToList();
        var have = await db.Deliveries.Where(d => d.EventId == message.Id).Select(d => d.SubscriptionId).ToListAsync(ct);
        foreach (var s in subs.Where(s => !have.Contains(s.Id)))
            db.Deliveries.Add(new WebhookDelivery
            {
                SubscriptionId = s.Id, EventId = message.Id, EventType = message.Kind, CaseId = message.CaseId, PayloadJson = message.Body,
                CreatedAt = now, WindowStart = now, NextAttemptAt = now,
            });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// POSTs due deliveries, signed like inbound webhooks (X-WalletCare-Timestamp, X-WalletCare-Signature over
/// timestamp + "." + body, plus X-WalletCare-Event-Id for the receiver's dedupe). Any 2xx is delivered;
/// anything else retries after 5 s, then every minute ×10, then every 5 minutes, for a day; then dead.
/// </summary>
public sealed class WebhookDeliverer(ChannelsDbContext db, IHttpClientFactory http, TimeProvider time, ILogger<WebhookDeliverer> log)
{
    public const string ClientName = "webhooks";
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    public static TimeSpan Backoff(int failedAttempts) => failedAttempts switch
    {
        <= 1 => TimeSpan.FromSeconds(5),
        <= 11 => TimeSpan.FromMinutes(1),
        _ => TimeSpan.FromMinutes(5),
    };

    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Deliveries.Where(d => d.State == DeliveryStates.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(50).ToListAsync(ct);
        var subs = await db.Subscriptions.AsNoTracking().Where(s => due.Select(d => d.SubscriptionId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var delivered = 0;
        foreach (var d in due)
        {
            if (!subs.TryGetValue(d.SubscriptionId, out var sub) || !sub.Active) { d.State = DeliveryStates.Dead; d.LastError = "subscription inactive"; continue; }
            if (await AttemptAsync(d, sub, ct)) delivered++;
            await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        return delivered;
    }

    private async Task<bool> AttemptAsync(WebhookDelivery d, WebhookSubscription sub, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var body = Encoding.UTF8.GetBytes(d.PayloadJson);
        var ts = new DateTimeOffset(now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var req = new HttpRequestMessage(HttpMethod.Post, sub.Url) { Content = new ByteArrayContent(body) };
        req.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        req.Headers.Add("X-WalletCare-Timestamp", ts);
        req.Headers.Add("X-WalletCare-Signature", WebhookSignature.Sign(sub.Secret, ts, body));
        req.Headers.Add("X-WalletCare-Event-Id", d.EventId.ToString());
        d.Attempts++;
        d.LastAttemptAt = now;
        try
        {
            using var res = await http.CreateClient(ClientName).SendAsync(req, ct);
            d.LastStatusCode = (int)res.StatusCode;
            if (res.IsSuccessStatusCode)
            {
                d.State = DeliveryStates.Delivered;
                d.DeliveredAt = now;
                d.LastError = null;
                return true;
            }
            d.LastError = "HTTP " + d.LastStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            d.LastStatusCode = null;
            d.LastError = e.GetType().Name;
        }
        var next = now + Backoff(d.Attempts);
        if (next > d.WindowStart + Window)
        {
            d.State = DeliveryStates.Dead;
            log.LogWarning("Webhook delivery {DeliveryId} to subscription {SubscriptionId} gave up after {Attempts} attempts", d.Id, sub.Id, d.Attempts);
        }
        else d.NextAttemptAt = next;
        return false;
    }
}

internal sealed class WebhookDeliveryService(IServiceProvider services, TimeProvider time, WalletCareSettings settings, ILogger<WebhookDeliveryService> log)
    : PeriodicJob(services, time, settings, log)
{
    protected override string LeaseName => "channels-webhooks";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);
    protected override Task RunOnceAsync(IServiceProvider scoped, CancellationToken ct) => scoped.GetRequiredService<WebhookDeliverer>().DeliverDueAsync(ct);
}
