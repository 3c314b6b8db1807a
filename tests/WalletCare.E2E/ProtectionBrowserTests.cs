using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WalletCare.Platform.Contracts;
using WalletCare.Protection;
using Xunit;

namespace WalletCare.E2E;

public sealed class ProtectionBrowserTests
{
    [Fact]
    public async Task Customer_presses_freeze_confirms_and_sees_the_wallet_frozen_and_the_case_number()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000002");
        await page.GotoAsync("/security/freeze");
        await page.FillAsync("#freeze-reason", "收到陌生设备登录提醒");
        await page.ClickAsync("#freeze-submit");
        await Assertions.Expect(page.Locator("#freeze-confirm")).ToContainTextAsync("确认冻结钱包");
        await page.ClickAsync("#freeze-confirm-submit");
        await Assertions.Expect(page.Locator("#freeze-status")).ToHaveTextAsync("钱包已冻结");
        await Assertions.Expect(page.Locator("#freeze-case")).ToContainTextAsync(new Regex(@"WC-2026-\d{6}"));
        await BrowserApp.ShotAsync(page, "protection-frozen-zh");

        // Every session ended, this one too: after signing in again the wallet says it is frozen.
        await BrowserApp.SignInAsync(page, "13800000002");
        await page.GotoAsync("/wallet");
        await Assertions.Expect(page.Locator("#wallet-frozen")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_3000_yuan_withdrawal_on_the_web_form_asks_for_the_sms_code_and_then_goes_through()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000002");
        await page.GotoAsync("/wallet/topup");
        await page.FillAsync("#topup-amount", "4000");
        await page.ClickAsync("#topup-submit");
        await Assertions.Expect(page.Locator("#txn-amount")).ToContainTextAsync("¥4,000.00");

        await page.GotoAsync("/wallet/withdraw");
        await page.FillAsync("#withdraw-amount", "3000");
        await page.ClickAsync("#withdraw-submit");
        await page.ClickAsync("#withdraw-confirm-submit");
        await Assertions.Expect(page.Locator("#stepup-form")).ToContainTextAsync("验证码已通过短信发送");
        await BrowserApp.ShotAsync(page, "protection-step-up-zh");
        await StepUpBrowser.PassAsync(app, page, "13800000002");
        await Assertions.Expect(page.Locator("#txn-amount")).ToContainTextAsync("¥3,000.00");
    }

    [Fact]
    public async Task Not_me_on_a_payment_freezes_and_staff_unfreeze_after_a_check_approved_by_a_supervisor()
    {
        await using var app = await BrowserApp.StartAsync();
        var payment = await app.Factory.ScopedAsync(async sp =>
        {
            var id = (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001"))!.Id;
            return await sp.GetRequiredService<WalletCare.Wallet.WalletDbContext>().Transactions
                .Where(t => t.CustomerId == id && t.Type == "payment").OrderByDescending(t => t.CreatedAt).Select(t => t.Id).FirstAsync();
        });
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");
        await page.GotoAsync($"/wallet/transactions/{payment}");
        await page.ClickAsync("#notme-button");
        await page.FillAsync("#notme-description", "我没有在这家店消费过");
        await page.ClickAsync("#notme-submit");
        await Assertions.Expect(page.Locator("#notme-done")).ToContainTextAsync(new Regex(@"工单号：WC-2026-\d{6}"));

        var agent = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(agent, "agent1");
        await agent.GotoAsync("/console/unfreeze");
        await agent.FillAsync("#unfreeze-phone", "13800000001");
        await agent.FillAsync("#unfreeze-doc-last4", "001X");
        await agent.FillAsync("#unfreeze-notes", "视频核验，证件与本人一致");
        await agent.ClickAsync("#unfreeze-record-submit");
        await Assertions.Expect(agent.Locator("#unfreeze-staff-notice")).ToContainTextAsync("等待另一位主管审批");
        await Assertions.Expect(agent.Locator("#unfreeze-requests")).ToContainTextAsync("待审批");
        await Assertions.Expect(agent.Locator("#unfreeze-requests button.approve")).ToHaveCountAsync(0);

        var supervisor = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(supervisor, "supervisor1");
        await supervisor.GotoAsync("/console/unfreeze");
        await supervisor.ClickAsync("#unfreeze-requests button.approve");
        await Assertions.Expect(supervisor.Locator("#unfreeze-requests")).ToContainTextAsync("已批准");
        await BrowserApp.ShotAsync(supervisor, "protection-unfreeze-console-zh");
        await BrowserApp.SignInAsync(page, "13800000001");
        await page.GotoAsync("/wallet");
        await Assertions.Expect(page.Locator("#wallet-frozen")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Lost_phone_freeze_from_the_sign_in_page_with_an_sms_code()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("en-US");
        await page.GotoAsync("/login");
        await page.ClickAsync("#login-freeze-link");
        await page.FillAsync("#public-freeze-phone", "+86 138 0000 0001");
        await page.ClickAsync("#public-freeze-send");
        await Assertions.Expect(page.Locator("#public-freeze-sent")).ToContainTextAsync("If this number is registered");
        var code = await app.Factory.ScopedAsync(async sp =>
        {
            var id = (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001"))!.Id;
            var body = await sp.GetRequiredService<ProtectionDbContext>().Outbox.Where(o => o.UserId == id).OrderByDescending(o => o.CreatedAt).Select(o => o.Body).FirstAsync();
            return Regex.Match(body, @"\b\d{6}\b").Value;
        });
        await page.FillAsync("#public-freeze-code", code);
        await page.ClickAsync("#public-freeze-submit");
        await Assertions.Expect(page.Locator("#public-freeze-done")).ToContainTextAsync("Your wallet is frozen");
        await BrowserApp.ShotAsync(page, "protection-public-freeze-en");
    }
}
