using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases;
using WalletCare.Platform.Contracts;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Channels.Tests;

/// <summary>The agents' hotline API: find a caller, the 360 without a case, a case on their behalf, a call on the timeline.</summary>
public sealed class HotlineTests
{
    [Fact]
    public async Task An_agent_finds_a_caller_in_any_phone_format_opens_a_case_for_them_and_logs_the_call()
    {
        await using var f = new WalletCareFactory();
        var agent = await f.ClientForAsync("agent1");
        foreach (var phone in new[] { "+86 138-0000-0001", "13800000001", "138 0000 0001", "0086 138 0000 0001" })
        {
            var found = await (await agent.GetAsync("/api/v1/agent/customers?phone=" + Uri.EscapeDataString(phone))).ExpectAsync(200);
            Assert.Equal("张伟", Assert.Single(found.EnumerateArray()).GetProperty("displayName").GetString());
        }
        var byMail = await (await agent.GetAsync("/api/v1/agent/customers?email=zhangwei@demo.walletcare.local")).ExpectAsync(200);
        var id = Assert.Single(byMail.EnumerateArray()).GetProperty("id").GetString()!;
        Assert.Empty((await (await agent.GetAsync("/api/v1/agent/customers?q=agent1")).ExpectAsync(200)).EnumerateArray()); // staff are not callers

        var c360 = await (await agent.GetAsync($"/api/v1/agent/customers/{id}")).ExpectAsync(200);
        Assert.Equal("138****0001", c360.GetProperty("customer").GetProperty("phoneMasked").GetString());
        Assert.True(c360.GetProperty("wallet").GetProperty("availableMinor").GetInt64() >= 0);

        var before = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.CountAsync());
        await (await agent.PostAsJsonAsync($"/api/v1/agent/customers/{id}/cases", new { category = "nope", subject = "x", description = "y" })).ExpectAsync(400);
        await (await agent.PostAsJsonAsync($"/api/v1/agent/customers/{id}/cases", new { category = "other", subject = "", description = "y" })).ExpectAsync(400);
        Assert.Equal(before, await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.CountAsync()));
        var opened = await (await agent.PostAsJsonAsync($"/api/v1/agent/customers/{id}/cases",
            new { category = "refund_not_received", subject = "电话投诉：退款未到账", description = "客户来电称退款一周未到账。" })).ExpectAsync(201);
        var caseId = opened.GetProperty("caseId").GetString()!;
        var ticket = await (await agent.GetAsync($"/api/v1/agent/tickets/{caseId}")).ExpectAsync(200);
        Assert.Equal("phone", ticket.GetProperty("case").GetProperty("channel").GetString());

        await (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/calls", new { direction = "sideways", phone = "13800000001", durationSeconds = 60 })).ExpectAsync(400);
        (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/calls",
            new { direction = "inbound", phone = "+86 138-0000-0001", durationSeconds = 185, summary = "已告知退款进度" })).EnsureSuccessStatusCode();
        Assert.Equal(1, await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Events.CountAsync(e => e.CaseId == Guid.Parse(caseId) && e.Kind == TimelineKinds.Call)));
        var text = (await (await agent.GetAsync($"/api/v1/agent/tickets/{caseId}")).ExpectAsync(200)).GetProperty("case").GetProperty("timeline").ToString();
        Assert.Contains("138****0001", text);
        Assert.Contains("3:05", text);

        var customer = await f.ClientForAsync("13800000001");
        var list = await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200);
        Assert.Contains(caseId, list.ToString());
    }

    [Fact]
    public async Task Customers_may_not_use_the_hotline_and_unknown_or_staff_ids_are_404()
    {
        await using var f = new WalletCareFactory();
        var customer = await f.ClientForAsync("13800000002");
        var agent = await f.ClientForAsync("agent1");
        var zhang = await f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001"))!.Id);
        var staff = await f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("agent2"))!.Id);
        await (await customer.GetAsync("/api/v1/agent/customers?phone=13800000001")).ExpectAsync(403);
        await (await customer.GetAsync($"/api/v1/agent/customers/{zhang}")).ExpectAsync(403);
        await (await customer.PostAsJsonAsync($"/api/v1/agent/customers/{zhang}/cases", new { category = "other", subject = "x", description = "y" })).ExpectAsync(403);
        await (await agent.GetAsync($"/api/v1/agent/customers/{staff}")).ExpectAsync(404);
        await (await agent.GetAsync($"/api/v1/agent/customers/{Guid.NewGuid()}")).ExpectAsync(404);
        await (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{Guid.NewGuid()}/calls", new { direction = "inbound", phone = "13800000001", durationSeconds = 5 })).ExpectAsync(404);
        await (await agent.GetAsync("/api/v1/agent/customers")).ExpectAsync(400);
    }
}
