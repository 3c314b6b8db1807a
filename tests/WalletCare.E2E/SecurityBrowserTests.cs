using Microsoft.Playwright;
using OtpNet;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.E2E;

/// <summary>账户安全 in the browser (issue #11): a customer turns 2FA on from the page and signs in with it; staff use the demo code.</summary>
public sealed class SecurityBrowserTests
{
    [Fact]
    public async Task Customer_enables_2FA_from_the_QR_page_signs_out_and_signs_in_with_a_code()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000002");
        await page.GotoAsync("/security");
        await page.ClickAsync("#twofa-setup");
        await Assertions.Expect(page.Locator("#security-qr svg")).ToBeVisibleAsync();
        var secret = (await page.InnerTextAsync("#security-secret")).Trim();
        string Code() => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(app.Factory.Time.GetUtcNow().UtcDateTime);
        await page.FillAsync("#twofa-enable-code", Code());
        await page.ClickAsync("#twofa-enable");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("#security-recovery-codes li")).ToHaveCountAsync(10);
        await BrowserApp.ShotAsync(page, "security-2fa-enabled-390");
        // Nothing on the page is wider than a 390 px phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));

        await page.ClickAsync("#logout");
        await Assertions.Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        app.Factory.Time.Advance(TimeSpan.FromSeconds(30)); // the enrolment code's step is used up
        await page.FillAsync("#login", "13800000002");
        await page.FillAsync("#password", WalletCareFactory.DemoPassword);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#twofa-code")).ToBeVisibleAsync();
        await page.FillAsync("#twofa-code", Code());
        await page.ClickAsync("#twofa-submit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/security");
        await Assertions.Expect(page.Locator("#security-2fa-state")).ToContainTextAsync("已开启");
        await Assertions.Expect(page.Locator("#security-logins li").First).ToBeVisibleAsync();

        // 一键冻结 from the same page (issue #11): a confirmation, then the wallet is frozen and the P1 case is named.
        await page.FillAsync("#freeze-reason", "看到不认识的设备登录");
        await page.ClickAsync("#freeze-submit");
        await page.ClickAsync("#freeze-confirm-submit");
        await Assertions.Expect(page.Locator("#freeze-status")).ToHaveTextAsync("钱包已冻结");
        await Assertions.Expect(page.Locator("#freeze-case")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"WC-2026-\d{6}"));
        var caseNumber = System.Text.RegularExpressions.Regex.Match(await page.InnerTextAsync("#freeze-case"), @"WC-2026-\d{6}").Value;
        app.Factory.Time.Advance(TimeSpan.FromSeconds(30)); // a fresh code step for signing in again
        await page.GotoAsync("/login");
        await page.FillAsync("#login", "13800000002");
        await page.FillAsync("#password", WalletCareFactory.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.FillAsync("#twofa-code", Code());
        await page.ClickAsync("#twofa-submit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/wallet");
        await Assertions.Expect(page.Locator("#wallet-frozen")).ToBeVisibleAsync();
        await page.GotoAsync("/complaints");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(caseNumber);
    }

    [Fact]
    public async Task Agent_signs_in_with_the_demo_code_shown_on_the_sign_in_page()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await page.GotoAsync("/login");
        await page.FillAsync("#login", "agent1");
        await page.FillAsync("#password", WalletCareFactory.DemoPassword);
        await page.ClickAsync("#login-submit");
        var shown = (await page.InnerTextAsync("#twofa-demo-code")).Trim();
        Assert.Equal(WalletCareFactory.DemoTotpCode(app.Factory.Time.GetUtcNow().UtcDateTime), shown);
        await page.FillAsync("#twofa-code", "000000" == shown ? "111111" : "000000");
        await page.ClickAsync("#twofa-submit");
        await Assertions.Expect(page.Locator("#twofa-error")).ToBeVisibleAsync();
        await page.FillAsync("#twofa-code", shown);
        await page.ClickAsync("#twofa-submit");
        await Assertions.Expect(page.Locator("#console-title")).ToHaveTextAsync("客服工作台");
    }
}
