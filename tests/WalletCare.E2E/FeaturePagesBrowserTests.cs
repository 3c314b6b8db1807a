using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

/// <summary>Issue #17, item 9: what the API could do and no page offered.</summary>
public sealed class FeaturePagesBrowserTests
{
    [Fact]
    public async Task Customer_filters_and_pages_transactions_unbinds_a_card_and_withdraws_a_complaint_after_confirming()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");

        await page.GotoAsync("/wallet");
        await Assertions.Expect(page.Locator("#transactions")).ToContainTextAsync(new Regex("[+−]¥"));
        // A second complaint about the refund already complained about points at the open one.
        await page.Locator("#transactions a", new() { HasText = "退款" }).First.ClickAsync();
        await page.ClickAsync("#txn-help");
        await Assertions.Expect(page.Locator("#complaint-existing")).ToContainTextAsync("WC-2026-000001");
        await page.GotoAsync("/wallet");
        await page.ClickAsync("#tx-all");
        var firstPage = await page.Locator("#tx-list tr").AllInnerTextsAsync();
        Assert.Equal(20, firstPage.Count);
        await page.ClickAsync("#tx-next"); // keyset paging beyond the first 20 rows
        var secondPage = await page.Locator("#tx-list tr").AllInnerTextsAsync();
        Assert.NotEmpty(secondPage);
        Assert.Empty(secondPage.Intersect(firstPage));
        await page.SelectOptionAsync("#filter-type", "topup");
        await page.SelectOptionAsync("#filter-status", "failed");
        await page.ClickAsync("#filter-submit");
        var rows = page.Locator("#tx-list tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        foreach (var row in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("充值", row);
            Assert.Contains("失败", row);
        }
        var statement = await page.Locator("#statement-download").GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(statement!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("attachment", csv.Headers["content-disposition"]);

        await page.GotoAsync("/wallet");
        var cards = await page.Locator("#cards li").CountAsync();
        await page.Locator("#cards .unbind-link").First.ClickAsync();
        await Assertions.Expect(page.Locator("#unbind-text")).ToContainTextAsync("****");
        await page.ClickAsync("#unbind-submit");
        await Assertions.Expect(page.Locator("#wallet-notice")).ToHaveTextAsync("银行卡已解绑。");
        await Assertions.Expect(page.Locator("#cards li")).ToHaveCountAsync(cards - 1);

        await page.GotoAsync("/complaints/new");
        await page.FillAsync("#complaint-subject", "充值没到账");
        await page.FillAsync("#complaint-description", "昨天充值 50 元，钱包里没有看到。");
        await page.ClickAsync("#complaint-submit");
        await page.ClickAsync("#cancel-link");
        await Assertions.Expect(page.Locator("#cancel-form")).ToContainTextAsync("确认撤销");
        await Assertions.Expect(page.Locator("#complaint-status")).Not.ToHaveTextAsync("已关闭"); // nothing happened yet
        await page.ClickAsync("#cancel-submit");
        await Assertions.Expect(page.Locator("#complaint-notice")).ToContainTextAsync("投诉已撤销");
        await Assertions.Expect(page.Locator("#cancel")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Agent_claims_hands_over_and_merges_a_duplicate_and_a_supervisor_marks_a_holiday()
    {
        await using var app = await BrowserApp.StartAsync();
        var customer = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(customer, "13800000001");
        var ids = new List<string>();
        foreach (var subject in new[] { "转账被扣两次", "转账被扣两次（再次提交）" })
        {
            await customer.GotoAsync("/complaints/new");
            await customer.FillAsync("#complaint-subject", subject);
            await customer.FillAsync("#complaint-description", "给朋友转账 200 元，扣了两次。");
            await customer.ClickAsync("#complaint-submit");
            await Assertions.Expect(customer.Locator("#complaint-number")).ToBeVisibleAsync();
            ids.Add(new Uri(customer.Url).AbsolutePath.Split('/')[^1]);
        }

        var agent = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(agent, "agent1");
        await agent.GotoAsync($"/console/tickets/{ids[1]}");
        await agent.ClickAsync("#claim-submit");
        await Assertions.Expect(agent.Locator("#work-notice")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#claim-form")).ToHaveCountAsync(0);
        var assignee = await agent.Locator("#assignee strong").InnerTextAsync();
        var colleague = await agent.Locator("#transfer-to option").First.InnerTextAsync();
        await agent.ClickAsync("#transfer-submit");
        await Assertions.Expect(agent.Locator("#assignee strong")).ToHaveTextAsync(colleague);
        Assert.NotEqual(assignee, colleague);

        var number = await agent.Locator("#ticket-number").InnerTextAsync();
        await agent.SelectOptionAsync("#merge-into", ids[0]);
        await agent.ClickAsync("#merge-submit");
        await Assertions.Expect(agent.Locator("#work-notice")).ToContainTextAsync("已合并");
        Assert.EndsWith(ids[0], new Uri(agent.Url).AbsolutePath);
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync(number.Split(' ')[0]);

        var sup = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(sup, "supervisor1");
        await sup.GotoAsync("/console");
        await sup.ClickAsync("#tile-calendar");
        await sup.FillAsync("#calendar-date", "2026-12-31");
        await sup.SelectOptionAsync("#calendar-kind", "holiday");
        await sup.ClickAsync("#calendar-submit");
        await Assertions.Expect(sup.Locator("#calendar-notice")).ToHaveTextAsync("日历已保存。");
        await Assertions.Expect(sup.Locator("#calendar-edits")).ToContainTextAsync("2026-12-31");
        await sup.FillAsync("#calendar-date", "");
        await sup.ClickAsync("#calendar-submit");
        await Assertions.Expect(sup.Locator("#calendar-error")).ToBeVisibleAsync();
    }
}
