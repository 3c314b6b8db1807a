using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

public sealed class ConsoleBrowserTests
{
    [Fact]
    public async Task Agent_replies_with_a_macro_proposes_goodwill_over_the_limit_supervisor_approves_customer_sees_it_and_rates()
    {
        await using var app = await BrowserApp.StartAsync();

        // The customer's balance before.
        var customer = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(customer, "13800000001");
        await customer.GotoAsync("/wallet");
        var before = await customer.Locator("#wallet-available").InnerTextAsync();

        // agent1 opens the demo complaint from the queue.
        var agent = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(agent, "agent1");
        await agent.GotoAsync("/console/queue");
        await agent.Locator("#queue a", new() { HasText = "WC-2026-000001" }).ClickAsync();
        await Assertions.Expect(agent.Locator("#customer-360")).ToContainTextAsync("张伟");
        await Assertions.Expect(agent.Locator("#customer-360")).ToContainTextAsync("138****0001");

        // Reply with a macro: placeholders filled from the case.
        var macro = await agent.Locator("#macro-select option", new() { HasText = "退款进度说明" }).GetAttributeAsync("value");
        await agent.SelectOptionAsync("#macro-select", macro!);
        await agent.ClickAsync("#macro-insert");
        await Assertions.Expect(agent.Locator("#reply-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("张伟您好，关于投诉 WC-2026-000001.*预计 2026-"));
        await agent.ClickAsync("#reply-submit");
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync("张伟您好");
        await agent.FillAsync("#note-body", "内部：商户已确认退款单号");
        await agent.ClickAsync("#note-submit");
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync("内部：商户已确认退款单号");

        // Goodwill credit of ¥300 is over the agent's ¥200 limit: it waits for a supervisor.
        await agent.SelectOptionAsync("#remedy-type", "goodwill_credit");
        await agent.FillAsync("#remedy-amount", "300");
        await agent.FillAsync("#remedy-reason", "退款延迟，致歉补偿");
        await agent.ClickAsync("#remedy-submit");
        await Assertions.Expect(agent.Locator("#ticket-notice")).ToHaveTextAsync("待主管审批");

        // supervisor1 approves.
        var sup = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(sup, "supervisor1");
        await sup.GotoAsync("/console/approvals");
        var row = sup.Locator("#approvals tr", new() { HasText = "WC-2026-000001" });
        await Assertions.Expect(row).ToContainTextAsync("¥300.00");
        await row.Locator("button.approve").ClickAsync();
        await Assertions.Expect(sup.Locator("#approvals-empty")).ToBeVisibleAsync();
        await Assertions.Expect(sup.Locator("#approvals-notice")).ToContainTextAsync("已批准");

        // The agent resolves the case.
        await agent.ReloadAsync(); // a reload after proposing must not propose again (post/redirect/get + idempotency key)
        await Assertions.Expect(agent.Locator("#remedies li")).ToHaveCountAsync(1);
        await Assertions.Expect(agent.Locator("#remedies")).ToContainTextAsync("已入账");
        await agent.SelectOptionAsync("#status-select", "resolved");
        await agent.FillAsync("#status-reason", "已补偿并说明退款进度");
        await agent.ClickAsync("#status-submit");
        await Assertions.Expect(agent.Locator("#ticket-status")).ToHaveTextAsync("已解决");

        // The customer sees the credit, the reply, and rates the service.
        await customer.GotoAsync("/wallet");
        var after = await customer.Locator("#wallet-available").InnerTextAsync();
        Assert.Equal(Yuan(before) + 300m, Yuan(after));
        await Assertions.Expect(customer.Locator("#transactions")).ToContainTextAsync("补偿");
        await customer.GotoAsync("/complaints");
        await customer.Locator("#complaints a", new() { HasText = "WC-2026-000001" }).ClickAsync();
        await Assertions.Expect(customer.Locator("#timeline")).ToContainTextAsync("张伟您好");
        await Assertions.Expect(customer.Locator("#timeline")).ToContainTextAsync("已向您的钱包发放补偿 ¥300.00");
        await Assertions.Expect(customer.Locator("#timeline")).Not.ToContainTextAsync("致歉补偿"); // internal reason stays internal
        Assert.DoesNotContain("商户已确认退款单号", await customer.ContentAsync()); // internal notes never reach the customer's page
        await Assertions.Expect(customer.Locator("#survey-no")).ToHaveAttributeAsync("id", "survey-no");
        Assert.Contains("重新打开", await customer.Locator("label", new() { Has = customer.Locator("#survey-no") }).InnerTextAsync());
        await customer.FillAsync("#survey-suggestion", "处理及时，谢谢");
        await customer.ClickAsync("#survey-star-5"); // one tap
        await Assertions.Expect(customer.Locator("#complaint-notice")).ToHaveTextAsync("谢谢您的评价！");
        await Assertions.Expect(customer.Locator("#timeline")).ToContainTextAsync("服务评价");
        await Assertions.Expect(customer.Locator("#survey")).ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(customer, "complaint-rated-zh");
        await BrowserApp.ShotAsync(agent, "console-ticket-zh");
    }

    // Display text "¥7,530.70" → 7530.70 (decimal only in the test, to compare two displayed amounts).
    private static decimal Yuan(string text) => decimal.Parse(text.Replace("¥", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
}
