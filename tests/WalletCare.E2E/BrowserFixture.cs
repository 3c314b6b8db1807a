using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.E2E;

/// <summary>
/// The real server on a loopback Kestrel port with demo data, and Debian's Chromium driven by
/// Playwright (never the Playwright browser download). Skips, saying why, when Chromium is missing.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    public required WalletCareFactory Factory { get; init; }
    public required IPlaywright Playwright { get; init; }
    public required IBrowser Browser { get; init; }
    public required string BaseUrl { get; init; }

    public static async Task<BrowserApp> StartAsync(Db db = Db.Sqlite)
    {
        Chromium.RequireOrSkip();
        var port = FreePort();
        var factory = WalletCareFactory.Create(db);
        factory.UseKestrel(port);
        factory.StartServer();
        var pw = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.Args });
        var app = new BrowserApp { Factory = factory, Playwright = pw, Browser = browser, BaseUrl = $"http://127.0.0.1:{port}" };
        Running[app.BaseUrl] = factory;
        return app;
    }

    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var ctx = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = locale, ViewportSize = new() { Width = 390, Height = 844 } });
        ctx.SetDefaultTimeout(15_000);
        return await ctx.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string login, string password = WalletCareFactory.DemoPassword)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Staff must use 2FA: answer the second step with the demo secret's current code.
        if (new Uri(page.Url).AbsolutePath == "/login/2fa" && await page.QuerySelectorAsync("#twofa-code") is not null)
        {
            var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
            var code = Running.TryGetValue(origin, out var f) ? await f.DemoTwoFactorCodeAsync(login) : await page.InnerTextAsync("#twofa-demo-code");
            await page.FillAsync("#twofa-code", code);
            await page.ClickAsync("#twofa-submit");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
    }

    /// <summary>Running apps by base address, so the static sign-in helper can reach the server's clock and data.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WalletCareFactory> Running = new();

    /// <summary>Saves a screenshot next to the test output for a person to look at.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(BaseUrl, out _);
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
