using WalletCare.Platform.Contracts;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using WalletCare.Platform.Persistence;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

public abstract class ComplaintTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Filing_about_my_refund_links_the_transaction_and_numbers_the_case()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000002");
        var refund = (await (await c.GetAsync("/api/v1/wallet/transactions?type=refund")).ExpectAsync(200)).GetProperty("items")[0];
        var complaint = await c.FileAsync("refund_not_received", "退款没到账", [refund.Id()]);
        Assert.Matches(@"^WC-2026-\d{6}$", complaint.GetProperty("number").GetString());
        Assert.Equal("new", complaint.GetProperty("status").GetString());
        Assert.Equal(refund.Id(), complaint.GetProperty("transactionIds")[0].GetString());
        Assert.Equal("app", complaint.GetProperty("channel").GetString());
        // Repeat contact within 30 days (李娜 has a demo complaint) raises P2 → P1.
        Assert.Equal("P1", complaint.GetProperty("priority").GetString());
        // Another customer's transaction cannot be linked; nothing is written.
        var zhang = await f.ClientForAsync("13800000001");
        var before = (await (await zhang.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items").GetArrayLength();
        var bad = await (await zhang.PostJsonAsync("/api/v1/complaints", new { category = "refund_not_received", subject = "x", description = "y", transactionIds = new[] { refund.Id() } })).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(bad.GetProperty("errors").TryGetProperty("transactionIds", out _));
        await (await zhang.PostJsonAsync("/api/v1/complaints", new { category = "not_a_category", subject = "", description = "y" })).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.Equal(before, (await (await zhang.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_filings_get_distinct_numbers()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000001");
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => c.PostJsonAsync("/api/v1/complaints",
            new { category = "other", subject = $"s{i}", description = "d" })));
        var numbers = new List<string>();
        foreach (var r in results) numbers.Add((await r.ExpectAsync(201)).GetProperty("number").GetString()!);
        Assert.Equal(10, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Another_customers_complaint_is_404_everywhere_and_customers_get_403_on_staff_endpoints()
    {
        await using var f = WalletCareFactory.Create(Db);
        var zhang = await f.ClientForAsync("13800000001");
        var li = await f.ClientForAsync("13800000002");
        var id = (await (await zhang.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items")[0].Id();
        await (await li.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(404, "NOT_FOUND");
        await (await li.PostJsonAsync($"/api/v1/complaints/{id}/messages", new { body = "hi" })).ExpectAsync(404, "NOT_FOUND");
        await (await li.PostJsonAsync($"/api/v1/complaints/{id}/escalate", new { reason = "x" })).ExpectAsync(404, "NOT_FOUND");
        await (await li.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File([0xFF, 0xD8, 0xFF, 0xD9], "a.jpg"))).ExpectAsync(404, "NOT_FOUND");
        await (await li.PostJsonAsync($"/api/v1/complaints/{id}/survey", new { resolved = true, attitude = 5, speed = 5 })).ExpectAsync(404, "NOT_FOUND");
        await (await zhang.GetAsync("/api/v1/agent/queue")).ExpectAsync(403, "FORBIDDEN");
        await (await zhang.GetAsync($"/api/v1/agent/tickets/{id}")).ExpectAsync(403, "FORBIDDEN");
        await (await zhang.PostJsonAsync($"/api/v1/agent/tickets/{id}/replies", new { body = "x" })).ExpectAsync(403, "FORBIDDEN");
        var agent = await f.ClientForAsync("agent1");
        await (await agent.GetAsync("/api/v1/agent/reviews")).ExpectAsync(403, "FORBIDDEN");
        await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/regulatory-extension", new { reason = "x" })).ExpectAsync(403, "FORBIDDEN");
        await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/external-cases", new { source = "12315", reference = "R1", dueAt = DateTime.UtcNow })).ExpectAsync(403, "FORBIDDEN");
        await (await agent.GetAsync("/api/v1/complaints")).ExpectAsync(403, "FORBIDDEN");
    }

    [Fact]
    public async Task Illegal_status_transitions_are_409_and_every_write_leaves_a_timeline_entry()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await f.ClientForAsync("13800000001");
        var agent = await f.ClientForAsync("agent1");
        var id = (await customer.FileAsync("other", "测试")).Id();
        var count = await f.EventsAsync(id);
        Assert.Equal(1, count);
        await (await agent.StatusAsync(id, "reopened")).ExpectAsync(409, "INVALID_STATUS_TRANSITION");
        await (await agent.StatusAsync(id, "no_such_status")).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.Equal(count, await f.EventsAsync(id));

        async Task Step(Func<Task<HttpResponseMessage>> write, int status)
        {
            await (await write()).ExpectAsync(status);
            var now = await f.EventsAsync(id);
            Assert.True(now > count, "a write must add a timeline entry");
            count = now;
        }
        await Step(() => customer.PostJsonAsync($"/api/v1/complaints/{id}/messages", new { body = "补充说明" }), 201);
        await Step(() => agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/replies", new { body = "您好，已收到" }), 201);
        await Step(() => agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/notes", new { body = "内部备注：商户已确认" }), 201);
        var agentId = (await (await agent.GetAsync("/api/v1/me")).ExpectAsync(200)).Id();
        await Step(() => agent.PostAsJsonAsync($"/api/v1/agent/tickets/{id}/assign", new { agentId }), 204);
        await Step(() => agent.StatusAsync(id, "pending_internal", "等待商户"), 204);
        await Step(() => customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(TestImages.Png(), "shot.png", "image/png")), 201);
        await Step(() => customer.PostJsonAsync($"/api/v1/complaints/{id}/escalate", new { reason = "处理太慢" }), 200);
        await Step(() => agent.StatusAsync(id, "resolved", "已解决"), 204);
        await Step(() => customer.PostJsonAsync($"/api/v1/complaints/{id}/reopen", new { reason = "还是没到账" }), 200);

        // The customer never sees internal notes; staff do.
        var mine = await (await customer.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(200);
        Assert.DoesNotContain(mine.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "internal_note");
        Assert.DoesNotContain("内部备注", mine.GetRawText());
        var ticket = await agent.TicketAsync(id);
        Assert.Contains(ticket.GetProperty("case").GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "internal_note");
    }

    [Fact]
    public async Task An_exe_renamed_jpg_is_refused_and_nothing_is_stored()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await f.ClientForAsync("13800000001");
        var id = (await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items")[0].Id();
        var events = await f.EventsAsync(id);
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        var res = await (await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(exe, "receipt.jpg"))).ExpectAsync(415, "ATTACHMENT_TYPE_NOT_ALLOWED");
        Assert.Contains("JPG", res.GetProperty("detail").GetString());
        Assert.Equal(0, await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Attachments.CountAsync()));
        Assert.Equal(events, await f.EventsAsync(id));
        var dir = Path.Combine(f.Scoped(sp => sp.GetRequiredService<DatabaseSettings>().DataDirectory), "attachments");
        Assert.True(!Directory.Exists(dir) || Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Length == 0);
    }

    [Fact]
    public async Task A_jpeg_with_gps_exif_comes_back_without_it_and_its_hash_is_recorded()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await f.ClientForAsync("13800000001");
        var id = (await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items")[0].Id();
        var original = TestImages.JpegWithGps();
        Assert.True(TestImages.Contains(original, "Exif"u8) && TestImages.Contains(original, "GPS-SECRET"u8));
        var a = await (await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(original, "photo.jpg"))).ExpectAsync(201);
        var back = await (await customer.GetAsync($"/api/v1/complaints/{id}/attachments/{a.Id()}")).Content.ReadAsByteArrayAsync();
        Assert.False(TestImages.Contains(back, "Exif"u8));
        Assert.False(TestImages.Contains(back, "GPS-SECRET"u8));
        using var decoded = SKBitmap.Decode(back);
        Assert.Equal(32, decoded.Width);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(back)), a.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Survey_once_by_its_owner_and_not_resolved_reopens()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await f.ClientForAsync("13800000001");
        var li = await f.ClientForAsync("13800000002");
        var agent = await f.ClientForAsync("agent1");
        var id = (await customer.FileAsync("other", "调查")).Id();
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/survey", new { resolved = true, attitude = 5, speed = 4 })).ExpectAsync(409, "SURVEY_NOT_AVAILABLE");
        await (await agent.StatusAsync(id, "resolved", "done")).ExpectAsync(204);
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/survey", new { resolved = true, attitude = 9, speed = 4 })).ExpectAsync(400, "VALIDATION_FAILED");
        await (await li.PostJsonAsync($"/api/v1/complaints/{id}/survey", new { resolved = true, attitude = 1, speed = 1 })).ExpectAsync(404);
        var rated = await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/survey", new { resolved = false, attitude = 3, speed = 2, suggestion = "再快一点" })).ExpectAsync(200);
        Assert.Equal("reopened", rated.GetProperty("status").GetString());
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/survey", new { resolved = true, attitude = 5, speed = 5 })).ExpectAsync(409);
    }

    [Fact]
    public async Task Merge_keeps_every_timeline_entry_and_evidence_and_tells_the_customer()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await f.ClientForAsync("13800000001");
        var agent = await f.ClientForAsync("agent1");
        var a = (await customer.FileAsync("other", "第一次")).Id();
        var b = (await customer.FileAsync("other", "重复提交")).Id();
        await customer.PostJsonAsync($"/api/v1/complaints/{b}/messages", new { body = "重复的补充" });
        await customer.PostAsync($"/api/v1/complaints/{b}/attachments", CaseTestKit.File(TestImages.Png(), "b.png", "image/png"));
        var total = await f.EventsAsync(a) + await f.EventsAsync(b);
        await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{b}/merge", new { intoTicketId = a })).ExpectAsync(204);
        var merged = await (await customer.GetAsync($"/api/v1/complaints/{a}")).ExpectAsync(200);
        Assert.True(await f.EventsAsync(a) >= total + 1);
        Assert.Contains(merged.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("body").GetString() == "重复的补充");
        Assert.Contains(merged.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "merge");
        Assert.Equal(1, merged.GetProperty("attachments").GetArrayLength());
        var old = await (await customer.GetAsync($"/api/v1/complaints/{b}")).ExpectAsync(200);
        Assert.Equal("closed", old.GetProperty("status").GetString());
    }
}

public sealed class ComplaintTestsSqlite : ComplaintTests { protected override Db Db => Db.Sqlite; }
public sealed class ComplaintTestsPostgres : ComplaintTests { protected override Db Db => Db.Postgres; }
