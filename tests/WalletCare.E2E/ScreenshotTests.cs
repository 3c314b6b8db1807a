using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

/// <summary>
/// The README's screenshots: customer home, a complaint, the agent workspace and a supervisor page at 1366 and
/// 390 px. Always renders and checks the pages; writes docs/screenshots/*.png only with WALLETCARE_SCREENSHOTS=1.
/// </summary>
public sealed class ScreenshotTests
{
    private static readonly int[] Widths = [1366, 390];

    [Fact]
    public async Task Key_pages_render_at_desktop_and_phone_width()
    {
        await using var app = await BrowserApp.StartAsync();
        var write = Environment.GetEnvironmentVariable("WALLETCARE_SCREENSHOTS") == "1";
        var dir = Path.Combine(RepoRoot(), "docs", "screenshots");
        if (write) Directory.CreateDirectory(dir);

        foreach (var width in Widths)
        {
            var customer = await PageAsync(app, width, "13800000001");
            await ShootAsync(customer, "/", "#wallet-available, .tiles", $"customer-home-{width}", dir, write);
            await customer.GotoAsync("/complaints");
            var complaint = await customer.Locator("#complaints a").First.GetAttributeAsync("href");
            await ShootAsync(customer, complaint!, "#timeline", $"complaint-{width}", dir, write);

            var agent = await PageAsync(app, width, "agent1");
            await agent.GotoAsync("/console/queue");
            var ticket = await agent.Locator("#queue a").First.GetAttributeAsync("href");
            await ShootAsync(agent, ticket!, "#customer-360", $"agent-ticket-{width}", dir, write);

            var supervisor = await PageAsync(app, width, "supervisor1");
            await ShootAsync(supervisor, "/console/queue?view=at_risk", "#queue", $"supervisor-queue-{width}", dir, write);
        }
    }

    private static async Task<IPage> PageAsync(BrowserApp app, int width, string login)
    {
        var ctx = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = width, Height = width > 1000 ? 800 : 844 } });
        ctx.SetDefaultTimeout(15_000);
        var page = await ctx.NewPageAsync();
        await BrowserApp.SignInAsync(page, login);
        return page;
    }

    private static async Task ShootAsync(IPage page, string href, string mustShow, string name, string dir, bool write)
    {
        var response = await page.GotoAsync(href);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator(mustShow).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#status-title")).ToHaveCountAsync(0);
        if (!write) return;
        var path = Path.Combine(dir, name + ".png");
        // Phone shots are the whole page; desktop shots the first screen, which keeps each file small.
        await page.ScreenshotAsync(new() { Path = path, FullPage = page.ViewportSize!.Width < 1000 });
        Console.WriteLine($"screenshot {path} ({new FileInfo(path).Length / 1024} KB)");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WalletCare.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("WalletCare.sln not found above " + AppContext.BaseDirectory);
    }
}
