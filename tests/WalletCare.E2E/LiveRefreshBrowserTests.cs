using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

/// <summary>Issue #17: a new reply and the queue counts appear without a reload, and a typed draft survives.</summary>
public sealed class LiveRefreshBrowserTests
{
    [Fact]
    public async Task The_agent_sees_the_customers_new_message_and_queue_counts_without_a_reload_and_keeps_the_draft()
    {
        await using var app = await BrowserApp.StartAsync();
        var agent = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(agent, "agent1");
        await agent.GotoAsync("/console/queue");
        var openBefore = int.Parse(await agent.Locator("#count-open").InnerTextAsync());
        await agent.EvaluateAsync("() => { window.notReloaded = true; }");

        var customer = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(customer, "13800000001");
        await customer.GotoAsync("/complaints/new");
        await customer.FillAsync("#complaint-subject", "付款后商户说没收到");
        await customer.FillAsync("#complaint-description", "在星巴克付了 38 元，店员说没收到。");
        await customer.ClickAsync("#complaint-submit");
        var caseId = new Uri(customer.Url).AbsolutePath.Split('/')[^1];

        // The periodic refresh (10 s) brings the new count; a real condition with a deadline, no sleep.
        await Assertions.Expect(agent.Locator("#count-open")).ToHaveTextAsync((openBefore + 1).ToString(), new() { Timeout = 25_000 });
        Assert.True(await agent.EvaluateAsync<bool>("() => window.notReloaded === true"), "the queue page was not reloaded");

        await agent.GotoAsync($"/console/tickets/{caseId}");
        await agent.FillAsync("#reply-body", "您好，正在为您核实");
        await agent.EvaluateAsync("() => { window.notReloaded = true; }");
        await customer.FillAsync("#message-body", "补充：付款时间是中午 12 点。");
        await customer.ClickAsync("#message-submit");
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync("补充：付款时间是中午 12 点。", new() { Timeout = 25_000 });
        Assert.True(await agent.EvaluateAsync<bool>("() => window.notReloaded === true"), "the ticket page was not reloaded");
        await Assertions.Expect(agent.Locator("#reply-body")).ToHaveValueAsync("您好，正在为您核实");
    }
}
