using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

/// <summary>The hotline in the console: a caller found by phone, their 360, a case filed for them, the call logged.</summary>
public sealed partial class ChannelsBrowserTests
{
    [Fact]
    public async Task Agent_finds_a_caller_by_phone_sees_the_360_opens_a_case_logs_the_call_and_the_customer_sees_the_case()
    {
        await using var app = await BrowserApp.StartAsync();
        var agent = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(agent, "agent1");
        await agent.GotoAsync("/console/callers");
        await agent.FillAsync("#caller-q", "+86 138-0000-0001");
        await agent.ClickAsync("#caller-search-submit");
        await agent.Locator("a.caller-link", new() { HasText = "张伟" }).ClickAsync();
        await Assertions.Expect(agent.Locator("#caller-360")).ToContainTextAsync("138****0001");
        await Assertions.Expect(agent.Locator("#caller-balance")).ToContainTextAsync("¥");

        await agent.SelectOptionAsync("#caller-category", "refund_not_received");
        await agent.FillAsync("#caller-subject", "电话投诉：退款一周未到账");
        await agent.FillAsync("#caller-description", "客户来电称京东退款一周仍未到账，请核实。");
        await agent.ClickAsync("#caller-case-submit");
        await Assertions.Expect(agent.Locator("#caller-notice")).ToContainTextAsync("WC-");
        var number = CaseNumber().Match(await agent.Locator("#caller-notice").InnerTextAsync()).Value;
        await Assertions.Expect(agent.Locator("#caller-call-form")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("h2", new() { HasText = "记录通话" })).ToContainTextAsync(number);

        await agent.SelectOptionAsync("#call-direction", "inbound");
        await agent.FillAsync("#call-duration", "185");
        await agent.FillAsync("#call-summary", "已登记并告知处理时限");
        await agent.ClickAsync("#call-submit");
        await Assertions.Expect(agent.Locator("#caller-notice")).ToHaveTextAsync("通话已记录在工单上。");
        await agent.ClickAsync("#caller-open-case");
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync("138****0001");
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync("3:05");
        await BrowserApp.ShotAsync(agent, "hotline-call-logged");

        var customer = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(customer, "13800000001");
        await customer.GotoAsync("/complaints");
        await Assertions.Expect(customer.Locator("body")).ToContainTextAsync(number);
        await Assertions.Expect(customer.Locator("body")).ToContainTextAsync("电话投诉：退款一周未到账");
    }

    [GeneratedRegex(@"WC-\d{4}-\d{6}")] private static partial Regex CaseNumber();
}
