using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

public sealed class FoundationBrowserTests
{
    [Fact]
    public async Task Customer_signs_in_in_Chinese_and_switches_to_English()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync("zh-CN");
        await BrowserApp.SignInAsync(page, "13800000001");

        var greeting = page.Locator("#portal-greeting");
        await Assertions.Expect(greeting).ToHaveTextAsync("您好，张伟");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.ShotAsync(page, "portal-zh");

        await page.ClickAsync("#lang-switch");
        await Assertions.Expect(page.Locator("#portal-greeting")).ToHaveTextAsync("Hello, 张伟");
        Assert.Equal("en-US", await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.ShotAsync(page, "portal-en");

        await page.ClickAsync("#logout");
        await Assertions.Expect(page.Locator("#login-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_a_Chinese_error_and_staff_land_on_the_console()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "13800000001", "wrong-password");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("账号或密码错误");

        await BrowserApp.SignInAsync(page, "agent1");
        await Assertions.Expect(page.Locator("#console-title")).ToHaveTextAsync("客服工作台");
        // A customer page is not a staff page: the customer portal is refused to nobody, but the console is refused to customers.
        var customer = await app.NewPageAsync();
        await BrowserApp.SignInAsync(customer, "13800000002");
        await customer.GotoAsync("/console");
        Assert.EndsWith("/forbidden", new Uri(customer.Url).AbsolutePath);
    }
}
