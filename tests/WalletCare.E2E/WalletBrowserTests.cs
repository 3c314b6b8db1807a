using Microsoft.Playwright;
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
}
