using WalletCare.Platform.Contracts;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using WalletCare.Platform.Persistence;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

// Split from ComplaintTests.cs to keep files short: assignment, lifecycle (auto-close) and cancel.
public sealed class AssignmentTests
{
    [Fact]
    public async Task Round_robin_gives_security_cases_to_the_security_skilled_agent_and_rotates_others_by_load()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.ClientForAsync("13800000002");
        var sup = await f.ClientForAsync("supervisor1");
        var agent2 = (await f.ScopedAsync(sp => sp.GetRequiredService<WalletCare.Platform.Contracts.IUserDirectory>().FindByLoginAsync("agent2")))!.Id;
        var agent1 = (await f.ScopedAsync(sp => sp.GetRequiredService<WalletCare.Platform.Contracts.IUserDirectory>().FindByLoginAsync("agent1")))!.Id;
        var fraud = (await customer.FileAsync("unauthorized_transaction", "有一笔不是我付的")).Id();
        var r = await (await sup.PostAsync($"/api/v1/agent/tickets/{fraud}/auto-assign", null)).ExpectAsync(200);
        Assert.Equal(agent2.ToString(), r.GetProperty("agentId").GetString()); // only agent2 has the security skill

        // A second payments-skilled agent joins: payment cases now alternate by load.
        var agent3 = (await f.ScopedAsync(sp => sp.GetRequiredService<WalletCare.Platform.Contracts.IUserDirectory>().CreateAsync(
            new WalletCare.Platform.Contracts.NewUser("新客服", "agent", "agent3-password", UserName: "agent3", Skills: "zh-CN,payments")))).Id;
        var assigned = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var id = (await customer.FileAsync("payment_failed", $"付款失败 {i}")).Id();
            assigned.Add((await (await sup.PostAsync($"/api/v1/agent/tickets/{id}/auto-assign", null)).ExpectAsync(200)).GetProperty("agentId").GetString()!);
        }
        Assert.Equal(2, assigned.Count(a => a == agent1.ToString()));
        Assert.Equal(2, assigned.Count(a => a == agent3.ToString()));
        Assert.DoesNotContain(agent2.ToString(), assigned); // no payments skill
        await (await customer.PostAsync($"/api/v1/agent/tickets/{fraud}/auto-assign", null)).ExpectAsync(403);
    }
}

public sealed class CaseLifecycleTests
{
    [Fact]
    public async Task A_case_resolved_for_seven_days_closes_itself_and_external_cases_show_in_the_queue()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.ClientForAsync("13800000001");
        var agent = await f.ClientForAsync("agent1");
        var compliance = await f.ClientForAsync("compliance1");
        var id = (await customer.FileAsync("other", "自动关闭")).Id();

        // A 12315 referral with its own, earlier deadline.
        var due = DateTime.UtcNow.Date.AddDays(5);
        await (await compliance.PostJsonAsync($"/api/v1/agent/tickets/{id}/external-cases", new { source = "12315", reference = "12315-2026-0001", receivedAt = f.Time.GetUtcNow().UtcDateTime, dueAt = f.Time.GetUtcNow().UtcDateTime.AddDays(5) })).ExpectAsync(204);
        await (await compliance.PostJsonAsync($"/api/v1/agent/tickets/{id}/external-cases", new { source = "nowhere", reference = "x", dueAt = due })).ExpectAsync(400, "VALIDATION_FAILED");
        var queue = await (await agent.GetAsync("/api/v1/agent/queue?external=true")).ExpectAsync(200);
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray(), i => i.Id() == id);
        Assert.Equal("12315", item.GetProperty("externalSource").GetString());
        var ticket = await agent.TicketAsync(id);
        Assert.Equal("12315-2026-0001", ticket.GetProperty("externalReference").GetString());
        Assert.True(ticket.GetProperty("case").GetProperty("regulatoryDueAt").GetDateTime() <= f.Time.GetUtcNow().UtcDateTime.AddDays(5).AddSeconds(1));

        await (await agent.StatusAsync(id, "resolved", "已处理")).ExpectAsync(204);
        f.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await f.ScopedAsync(sp => sp.GetRequiredService<CaseMaintenance>().AutoCloseAsync()));
        f.Time.Advance(TimeSpan.FromDays(1.1));
        Assert.True(await f.ScopedAsync(sp => sp.GetRequiredService<CaseMaintenance>().AutoCloseAsync()) >= 1);
        var again = await f.ClientForAsync("13800000001");
        var closed = await (await again.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(200);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.True(closed.GetProperty("canReopen").GetBoolean()); // within 30 days of resolution
    }
}

public sealed class CancelTests
{
    [Fact]
    public async Task A_customer_can_cancel_their_own_open_complaint_but_not_someone_elses()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.ClientForAsync("13800000001");
        var li = await f.ClientForAsync("13800000002");
        var id = (await customer.FileAsync("other", "不需要了")).Id();
        await (await li.PostJsonAsync($"/api/v1/complaints/{id}/cancel", new { reason = "x" })).ExpectAsync(404);
        var cancelled = await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/cancel", new { reason = "问题已自行解决" })).ExpectAsync(200);
        Assert.Equal("closed", cancelled.GetProperty("status").GetString());
        Assert.Contains(cancelled.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("body").GetString() == "问题已自行解决");
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/messages", new { body = "还在吗" })).ExpectAsync(409, "CASE_CLOSED");
    }
}
