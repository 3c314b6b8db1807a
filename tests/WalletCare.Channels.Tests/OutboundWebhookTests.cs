using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases;
using WalletCare.Channels.Domain;
using WalletCare.Channels.Webhooks;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Channels.Tests;

/// <summary>Case events to a real HTTP receiver (HttpListener on a free port) that fails twice, then accepts.</summary>
public sealed class OutboundWebhookTests
{
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        public string Url { get; }
        public int FailFirst { get; init; }
        public ConcurrentQueue<(int Status, string Body, string Timestamp, string Signature, string EventId)> Seen { get; } = new();

        public Receiver()
        {
            var port = MailServers.FreePort();
            Url = $"http://127.0.0.1:{port}/hooks/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var status = Seen.Count < FailFirst ? 500 : 204;
                Seen.Enqueue((status, body, ctx.Request.Headers["X-WalletCare-Timestamp"] ?? "", ctx.Request.Headers["X-WalletCare-Signature"] ?? "",
                    ctx.Request.Headers["X-WalletCare-Event-Id"] ?? ""));
                ctx.Response.StatusCode = status;
                ctx.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }

    [Fact]
    public async Task A_case_event_to_a_receiver_that_fails_twice_is_delivered_once_on_the_third_try_with_a_valid_signature()
    {
        using var receiver = new Receiver { FailFirst = 2 };
        await using var f = new WalletCareFactory();
        var admin = await f.ClientForAsync("admin");
        await (await admin.PostAsJsonAsync("/api/v1/admin/webhook-subscriptions", new { url = "file:///etc/passwd" })).ExpectAsync(400);
        await (await (await f.ClientForAsync("agent1")).PostAsJsonAsync("/api/v1/admin/webhook-subscriptions", new { url = receiver.Url })).ExpectAsync(403);
        var sub = await (await admin.PostAsJsonAsync("/api/v1/admin/webhook-subscriptions", new { url = receiver.Url, events = new[] { "case.replied" } })).ExpectAsync(201);
        var secret = sub.GetProperty("secret").GetString()!;

        var customer = await f.ClientForAsync("13800000002");
        var filed = await (await customer.PostJsonAsync("/api/v1/complaints",
            new { category = "payment_failed", subject = "付款失败", description = "付款失败了。", transactionIds = Array.Empty<string>(), desiredOutcome = "解决" })).ExpectAsync(201);
        var caseId = filed.GetProperty("id").GetString()!;
        var agent = await f.ClientForAsync("agent1");
        (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/replies", new { body = "您好，正在处理。" })).EnsureSuccessStatusCode();

        // What the outbox job does with each webhook row (notifications area): hand it to the transport — twice, to show fan-out is idempotent.
        var rows = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Set<OutboxMessage>()
            .Where(o => o.Channel == OutboxChannels.Webhook && o.CaseId == Guid.Parse(caseId)).ToListAsync());
        Assert.Contains(rows, r => r.Kind == "case.created");
        var replied = Assert.Single(rows, r => r.Kind == "case.replied");
        Assert.DoesNotContain("正在处理", replied.Body); // what people wrote never leaves in an event
        foreach (var r in rows.Concat(rows)) await f.ScopedAsync(async sp => { await sp.GetRequiredService<WebhookFanOut>().SendAsync(r, default); return 0; });
        Assert.Equal(1, await f.Db(db => db.Deliveries.CountAsync())); // subscribed to case.replied only

        Task<int> Deliver() => f.ScopedAsync(sp => sp.GetRequiredService<WebhookDeliverer>().DeliverDueAsync());
        Assert.Equal(0, await Deliver());
        Assert.Equal(0, await Deliver()); // not due again before 5 s
        f.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await Deliver());
        f.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await Deliver()); // the next try is a minute later
        f.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await Deliver());
        f.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await Deliver());

        Assert.Equal([500, 500, 204], receiver.Seen.Select(s => s.Status));
        var ok = receiver.Seen.Last();
        Assert.Equal(WebhookSignature.Sign(secret, ok.Timestamp, Encoding.UTF8.GetBytes(ok.Body)), ok.Signature);
        Assert.Equal(replied.Id.ToString(), ok.EventId);
        Assert.Contains(caseId, ok.Body);

        var log = await (await agent.GetAsync("/api/v1/agent/webhook-deliveries")).ExpectAsync(200);
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal(DeliveryStates.Delivered, entry.GetProperty("state").GetString());
        Assert.Equal(3, entry.GetProperty("attempts").GetInt32());
        await (await agent.PostAsync($"/api/v1/agent/webhook-deliveries/{entry.GetProperty("id").GetString()}/replay", null)).ExpectAsync(403);
        var supervisor = await f.ClientForAsync("supervisor1");
        (await supervisor.PostAsync($"/api/v1/agent/webhook-deliveries/{entry.GetProperty("id").GetString()}/replay", null)).EnsureSuccessStatusCode();
        Assert.Equal(1, await Deliver());
        Assert.Equal(4, receiver.Seen.Count);
    }

    [Fact]
    public void The_retry_schedule_is_5_seconds_then_every_minute_ten_times_then_every_5_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), WebhookDeliverer.Backoff(1));
        Assert.All(Enumerable.Range(2, 10), n => Assert.Equal(TimeSpan.FromMinutes(1), WebhookDeliverer.Backoff(n)));
        Assert.Equal(TimeSpan.FromMinutes(5), WebhookDeliverer.Backoff(12));
    }
}
