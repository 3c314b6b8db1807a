using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

public sealed class TransferConfirmBrowserTests
{
    [Fact]
    public async Task A_transfer_shows_the_masked_payee_amount_and_fee_before_any_money_moves()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");
        await page.GotoAsync("/wallet");
        var before = await page.Locator("#wallet-available").InnerTextAsync();

        await page.GotoAsync("/wallet/transfer");
        await page.FillAsync("#transfer-phone", "13800000002");
        await page.FillAsync("#transfer-amount", "88.80");
        await page.ClickAsync("#transfer-submit");
        await Assertions.Expect(page.Locator("#confirm-payee")).ToContainTextAsync("李*");
        await Assertions.Expect(page.Locator("#confirm-payee")).Not.ToContainTextAsync("李娜");
        await Assertions.Expect(page.Locator("#confirm-payee")).ToContainTextAsync("138****0002");
        await Assertions.Expect(page.Locator("#confirm-amount")).ToHaveTextAsync("¥88.80");
        await Assertions.Expect(page.Locator("#confirm-fee")).ToContainTextAsync("¥0.00");
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/wallet");
        Assert.Equal(before, await other.Locator("#wallet-available").InnerTextAsync()); // nothing moved yet

        await page.ClickAsync("#transfer-confirm-submit");
        await Assertions.Expect(page.Locator("#txn-amount")).ToHaveTextAsync("¥88.80");
        await other.ReloadAsync();
        Assert.NotEqual(before, await other.Locator("#wallet-available").InnerTextAsync());

        // An unknown payee is said before the confirmation, and nothing is shown to confirm.
        await page.GotoAsync("/wallet/transfer");
        await page.FillAsync("#transfer-phone", "13900000000");
        await page.FillAsync("#transfer-amount", "1");
        await page.ClickAsync("#transfer-submit");
        await Assertions.Expect(page.Locator("#action-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#transfer-confirm")).ToHaveCountAsync(0);
    }
}
