using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WalletCare.Platform.Contracts;
using Xunit;

namespace WalletCare.E2E;

public sealed class WalletBrowserTests
{
    [Fact]
    public async Task Top_up_with_the_insufficient_funds_card_explains_the_decline_in_Chinese()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");
        await page.GotoAsync("/wallet");
        await Assertions.Expect(page.Locator("#wallet-available")).ToContainTextAsync("¥");
        await page.ClickAsync("#go-topup");
        var value = await page.Locator("#topup-card option", new() { HasText = "0017" }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#topup-card", value!);
        await page.FillAsync("#topup-amount", "100.50");
        await page.ClickAsync("#topup-submit");

        var failure = page.Locator("#txn-failure");
        await Assertions.Expect(failure).ToContainTextAsync("余额不足");
        await Assertions.Expect(failure).ToContainTextAsync("银行卡余额不足");
        await Assertions.Expect(page.Locator("#txn-amount")).ToHaveTextAsync("¥100.50");
        await Assertions.Expect(page.Locator("#txn-help")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/complaints/new\\?transactionId="));
        await BrowserApp.ShotAsync(page, "topup-declined-zh");

        // A bad card number at binding shows a clear Chinese error and binds nothing.
        await page.GotoAsync("/wallet/cards/new");
        await page.FillAsync("#bind-number", "6222000000000001");
        await page.FillAsync("#bind-expiry", "12/29");
        await page.FillAsync("#bind-cvv", "123");
        await page.FillAsync("#bind-holder", "ZHANG WEI");
        await page.ClickAsync("#bind-submit");
        await Assertions.Expect(page.Locator("#bind-error")).ToContainTextAsync("卡号无效");
    }

    [Theory]
    [InlineData("zh-CN", "补偿：商誉补偿")]
    [InlineData("en-US", "Remedy: goodwill credit")]
    public async Task A_goodwill_credit_row_names_the_remedy_in_words_not_its_code(string locale, string label)
    {
        await using var app = await BrowserApp.StartAsync();
        var id = await app.Factory.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001"))!.Id);
        var txId = await app.Factory.ScopedAsync(sp => sp.GetRequiredService<IWalletRemedies>()
            .PostRemedyAsync(new RemedyPosting("remedy:e2e-1", id, RemedyKinds.GoodwillCredit, 1_000, null, "WC-2026-000009")));
        var page = await app.NewPageAsync(locale);
        await BrowserApp.SignInAsync(page, "13800000001");
        await page.GotoAsync("/wallet");
        await Assertions.Expect(page.Locator("#transactions")).ToContainTextAsync(label);
        await Assertions.Expect(page.Locator("#transactions")).Not.ToContainTextAsync("goodwill_credit");
        await page.GotoAsync($"/wallet/transactions/{txId}");
        await Assertions.Expect(page.Locator("section.card")).ToContainTextAsync(label);
        await Assertions.Expect(page.Locator("section.card")).Not.ToContainTextAsync("_");
    }
}
