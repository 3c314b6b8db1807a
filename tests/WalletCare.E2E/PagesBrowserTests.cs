using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

/// <summary>Issue #17: every page a person reaches is a page of the product, in both languages, with a way back.</summary>
public sealed class PagesBrowserTests
{
    [Fact]
    public async Task Unknown_paths_and_another_customers_complaint_or_transaction_show_the_styled_not_found_page_and_every_nav_link_works()
    {
        await using var app = await BrowserApp.StartAsync();

        var anonymous = await app.NewPageAsync("zh-CN");
        var response = await anonymous.GotoAsync("/nope");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(anonymous.Locator("#status-title")).ToHaveTextAsync("页面不存在");
        await Assertions.Expect(anonymous.Locator("#back-login")).ToBeVisibleAsync();
        Assert.DoesNotContain("\"status\"", await anonymous.ContentAsync());

        // 张伟's complaint and transaction, opened by 李娜, in English.
        var zhang = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(zhang, "13800000001");
        await zhang.GotoAsync("/complaints");
        var complaintHref = await zhang.Locator("#complaints a").First.GetAttributeAsync("href");
        await zhang.GotoAsync("/wallet");
        var txHref = await zhang.Locator("#transactions a").First.GetAttributeAsync("href");

        var li = await app.NewPageAsync("en-US");
        await BrowserApp.SignInAsync(li, "13800000002");
        await li.GotoAsync("/ui/culture?c=en-US&returnUrl=/");
        foreach (var href in new[] { complaintHref!, txHref!, "/nope/deeper" })
        {
            var r = await li.GotoAsync(href);
            Assert.Equal(404, r!.Status);
            await Assertions.Expect(li.Locator("#status-title")).ToHaveTextAsync("Page not found");
            await Assertions.Expect(li.Locator("#back-home")).ToHaveAttributeAsync("href", "/");
        }
        await BrowserApp.ShotAsync(li, "not-found-en");
        await li.GotoAsync("/status/500"); // what the re-execute renders after an unhandled error
        await Assertions.Expect(li.Locator("#status-title")).ToHaveTextAsync("Something went wrong");
        await Assertions.Expect(li.Locator("#back-home")).ToBeVisibleAsync();

        // The customer's help and security links lead to pages, not JSON.
        foreach (var (href, id) in new[] { ("/help", "#help-title"), ("/security", "#security-title") })
        {
            var r = await zhang.GotoAsync(href);
            Assert.Equal(200, r!.Status);
            await Assertions.Expect(zhang.Locator(id)).ToBeVisibleAsync();
        }
        await Assertions.Expect(zhang.Locator("#security-logins li").First).ToBeVisibleAsync();

        // Compliance: external cases and audit verification; admin: users.
        var compliance = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(compliance, "compliance1");
        Assert.Equal(200, (await compliance.GotoAsync("/console/external"))!.Status);
        await Assertions.Expect(compliance.Locator("#external-title")).ToHaveTextAsync("外部投诉");
        await compliance.ClickAsync("#audit-link");
        await compliance.ClickAsync("#audit-verify");
        await Assertions.Expect(compliance.Locator("#audit-result")).ToContainTextAsync("校验通过");

        var admin = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(admin, "admin");
        Assert.Equal(200, (await admin.GotoAsync("/console/admin"))!.Status);
        await Assertions.Expect(admin.Locator("#users")).ToContainTextAsync("agent1");
        await Assertions.Expect(admin.Locator("#users")).ToContainTextAsync("客服");
        await Assertions.Expect(admin.Locator("#users")).Not.ToContainTextAsync("13800000001"); // phones masked
        await BrowserApp.ShotAsync(admin, "console-admin-zh");

        // An agent who follows a link meant for admins gets the styled forbidden page.
        var agent = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(agent, "agent1");
        await agent.GotoAsync("/console/admin");
        await Assertions.Expect(agent.Locator("#status-title")).ToHaveTextAsync("无权访问");
        await Assertions.Expect(agent.Locator("#back-console")).ToBeVisibleAsync();
    }
}
