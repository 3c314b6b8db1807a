using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

public sealed class MoneyFormBrowserTests
{
    [Fact]
    public async Task Amounts_get_precise_messages_a_3000_withdrawal_is_confirmed_first_and_a_card_in_another_name_is_refused()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");
        await page.GotoAsync("/wallet");
        var before = await page.Locator("#wallet-available").InnerTextAsync();

        await page.GotoAsync("/wallet/withdraw");
        foreach (var (typed, message) in new[] { ("1e5", "请用数字输入金额"), ("一百", "请用数字输入金额"), ("100元", "请用数字输入金额"), ("12.345", "最多保留两位小数") })
        {
            await page.FillAsync("#withdraw-amount", typed);
            await page.ClickAsync("#withdraw-submit");
            await Assertions.Expect(page.Locator("#action-error")).ToContainTextAsync(message);
            await Assertions.Expect(page.Locator("#action-error")).Not.ToContainTextAsync("金额必须大于 0");
        }

        // Full-width digits from a Chinese input method are the same amount; nothing moves before the confirmation.
        var card = await page.Locator("#withdraw-card option", new() { HasText = "0009" }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#withdraw-card", card!);
        await page.FillAsync("#withdraw-amount", "３０００");
        await page.ClickAsync("#withdraw-submit");
        await Assertions.Expect(page.Locator("#confirm-amount")).ToHaveTextAsync("¥3,000.00");
        await Assertions.Expect(page.Locator("#confirm-fee")).ToContainTextAsync("¥0.00");
        await Assertions.Expect(page.Locator("#confirm-card")).ToContainTextAsync("****0009");
        await BrowserApp.ShotAsync(page, "withdraw-confirm-zh");
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/wallet");
        Assert.Equal(before, await other.Locator("#wallet-available").InnerTextAsync());
        await page.ClickAsync("#withdraw-confirm-submit");
        await StepUpBrowser.PassAsync(app, page, "13800000001"); // ¥2,000 or more asks for a code (SPEC §5)
        await Assertions.Expect(page.Locator("#txn-amount")).ToHaveTextAsync("¥3,000.00");

        // Real-name rule: a card in 李四's name does not bind to 张伟's wallet; the CVV is never shown.
        await page.GotoAsync("/wallet/cards/new");
        await Assertions.Expect(page.Locator("#bind-cvv")).ToHaveAttributeAsync("type", "password");
        await Assertions.Expect(page.Locator("#bind-cvv")).ToHaveAttributeAsync("autocomplete", "cc-csc");
        await page.FillAsync("#bind-number", "6222000000000009");
        await page.FillAsync("#bind-expiry", "12/29");
        await page.FillAsync("#bind-cvv", "123");
        await page.FillAsync("#bind-holder", "李四");
        await page.ClickAsync("#bind-submit");
        await Assertions.Expect(page.Locator("#bind-error")).ToContainTextAsync("持卡人姓名与实名不符");
        await Assertions.Expect(page.Locator("#bind-error")).ToContainTextAsync("本人名下");
    }
}
