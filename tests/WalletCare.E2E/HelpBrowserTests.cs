using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

/// <summary>Issue #12: from a colloquial search to the customer's own failed top-up explained, to a prefilled complaint.</summary>
public sealed class HelpBrowserTests
{
    [Fact]
    public async Task A_customer_searches_chong_qian_mei_dao_zhang_runs_the_top_up_troubleshooter_and_reaches_the_prefilled_complaint()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");

        await page.GotoAsync("/help");
        await Assertions.Expect(page.Locator("#help-title")).ToHaveTextAsync("帮助中心");
        await page.FillAsync("#help-q", "充钱没到账");
        await Assertions.Expect(page.Locator("#help-instant li").First).ToContainTextAsync("充值没到账"); // instant results while typing
        await page.ClickAsync("#help-search-submit");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/help/search\\?q="));
        await Assertions.Expect(page.Locator("#help-results li").First).ToContainTextAsync("充值没到账");
        await Assertions.Expect(page.Locator("#help-results mark").First).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await BrowserApp.ShotAsync(page, "help-search-zh");

        await page.ClickAsync("#search-ts-topup_not_arrived");
        await Assertions.Expect(page.Locator("#ts-title")).ToHaveTextAsync("充值未到账排查");
        await Assertions.Expect(page.Locator("#ts-status")).ToHaveTextAsync("失败");
        await Assertions.Expect(page.Locator("#ts-reason")).ToContainTextAsync("银行卡余额不足");
        await Assertions.Expect(page.Locator("#ts-diagnosis")).Not.ToContainTextAsync("INSUFFICIENT");
        await AssertFitsAsync(page);
        await BrowserApp.ShotAsync(page, "help-troubleshooter-zh");

        await page.ClickAsync("#ts-complain");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/complaints/new\\?"));
        await Assertions.Expect(page.Locator("#complaint-category")).ToHaveValueAsync("topup_failed");
        await Assertions.Expect(page.Locator("#complaint-subject")).ToHaveValueAsync("充值未到账");
        await Assertions.Expect(page.Locator("#complaint-transaction")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[name='Form.TransactionId']")).Not.ToHaveValueAsync("");
    }

    [Fact]
    public async Task An_english_customer_reads_an_article_votes_and_sees_related_articles()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("en-US");
        await BrowserApp.SignInAsync(page, "13800000002");
        await page.GotoAsync("/ui/culture?c=en-US&returnUrl=/help");
        await Assertions.Expect(page.Locator("#help-title")).ToHaveTextAsync("Help centre");
        await page.FillAsync("#help-q", "how long do refunds take");
        await page.ClickAsync("#help-search-submit");
        await page.Locator("#help-results a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#article-title")).ToHaveTextAsync("How long does a refund take?");
        await Assertions.Expect(page.Locator("#help-related li").First).ToBeVisibleAsync();
        await page.ClickAsync("#vote-yes");
        await Assertions.Expect(page.Locator("#vote-thanks")).ToHaveTextAsync("Thanks for your feedback!");
        await AssertFitsAsync(page);
    }

    /// <summary>Usable at 390 px: nothing wider than the phone's screen.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"page is {width}px wide at a 390px viewport");
    }
}
