using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace WalletCare.E2E;

/// <summary>
/// Issue #17: walks the product as each role in both languages, following every same-origin link and
/// submitting every form empty and filled, and fails on anything that is not a page of the product:
/// JSON in the browser, 404/500, a console error, or visible text that looks like a key or a code.
/// Bounded so it runs in a couple of minutes; it prints what it visited.
/// </summary>
public sealed partial class CrawlerBrowserTests(ITestOutputHelper output)
{
    private const int MaxPagesPerSession = 28;
    private const int MaxFormsPerSession = 14;

    private static readonly string[] Logins = ["13800000001", "agent1", "supervisor1", "compliance1", "admin"];

    [Fact]
    public async Task Every_role_in_both_languages_reaches_only_product_pages_without_codes_or_console_errors()
    {
        await using var app = await BrowserApp.StartAsync();
        var problems = new List<string>();
        var log = new StringBuilder();
        foreach (var login in Logins)
            foreach (var culture in new[] { "zh-CN", "en-US" })
            {
                try { await CrawlAsync(app, login, culture, problems, log); }
                catch (PlaywrightException e) { problems.Add($"[{login} {culture}] crawl stopped: {e.Message.Split('\n')[0]}"); }
                catch (TimeoutException e) { problems.Add($"[{login} {culture}] crawl stopped: {e.Message.Split('\n')[0]}"); }
            }
        output.WriteLine(log.ToString());
        Console.WriteLine(log.ToString());
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "crawler.log"), log.ToString());
        Assert.True(problems.Count == 0, "The crawler found:\n" + string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void The_code_detector_flags_what_issue_17_found_and_passes_ordinary_text()
    {
        foreach (var bad in new[] { "remedy.proposed", "goodwill_credit", "500000", "INSUFFICIENT_FUNDS", "survey_not_resolved", "金额 12345 元" })
            Assert.NotEmpty(CodeLike(bad));
        foreach (var fine in new[] { "¥5,000.00", "−¥12.34", "12315 平台", "138****0001", "2026-11-25 10:00", "receipt.png", "C-20261125-0001 · 充值失败" })
            Assert.Empty(CodeLike(fine));
    }

    private static async Task CrawlAsync(BrowserApp app, string login, string culture, List<string> problems, StringBuilder log)
    {
        var page = await app.NewPageAsync(culture);
        page.SetDefaultTimeout(8_000);
        var where = $"[{login} {culture}]";
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{where} console error on {page.Url}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"{where} script error on {page.Url}: {e}");

        await SignInAsync(page, login, culture);
        var start = new Uri(page.Url).AbsolutePath;
        var queue = new Queue<string>([start]);
        var seen = new HashSet<string> { Shape(start) };
        var formsDone = new HashSet<string>();
        var pages = 0;
        log.AppendLine($"{where} start {start}");

        while (queue.Count > 0 && pages < MaxPagesPerSession)
        {
            var href = queue.Dequeue();
            pages++;
            var response = await page.GotoAsync(href);
            await CheckAsync(page, response, $"{where} GET {href}", problems);
            log.AppendLine($"{where} page {href} -> {response?.Status}");

            foreach (var link in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => a.getAttribute('href'))"))
            {
                if (Followable(link) is not { } path) continue;
                if (path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    if (seen.Add(Shape(path))) await CheckApiLinkAsync(page, path, where, problems, log);
                    continue;
                }
                if (seen.Add(Shape(path))) queue.Enqueue(path);
            }

            var formIds = await page.EvalOnSelectorAllAsync<string[]>("main form", @"fs => fs.map(f => (f.id ? '#' + f.id : '') ||
                (f.querySelector('input[name=_handler]') || {}).value || f.getAttribute('action') || 'form')");
            for (var i = 0; i < formIds.Length && formsDone.Count < MaxFormsPerSession; i++)
            {
                var id = formIds[i];
                if (!formsDone.Add(Shape(new Uri(page.Url).AbsolutePath) + "#" + RemoveIds(id))) continue;
                foreach (var filled in new[] { false, true })
                {
                    var before = problems.Count;
                    var again = await page.GotoAsync(href);
                    if (again?.Status == 404)
                    {
                        // The empty submit already used the thing up (an unbound card): not a dead link.
                        problems.RemoveRange(before, problems.Count - before);
                        log.AppendLine($"{where} form {href} {id} gone after the first submit");
                        break;
                    }
                    var form = id.StartsWith('#') ? page.Locator($"main form[id='{id[1..]}']") : page.Locator("main form").Nth(i);
                    if (await form.CountAsync() == 0) break;
                    var submitted = await SubmitAsync(page, form, filled, login);
                    await CheckAsync(page, submitted, $"{where} form {id} ({(filled ? "filled" : "empty")}) on {href}", problems);
                    log.AppendLine($"{where} form {href} {id} {(filled ? "filled" : "empty")} -> {submitted?.Status.ToString() ?? "in place"} {new Uri(page.Url).PathAndQuery}");
                }
            }
        }
        await page.Context.CloseAsync();
    }

    /// <summary>The one place that signs a role in; a later 2FA step for staff goes here.</summary>
    private static async Task SignInAsync(IPage page, string login, string culture)
    {
        await BrowserApp.SignInAsync(page, login);
        await page.GotoAsync($"/ui/culture?c={culture}&returnUrl=/");
    }

    private static async Task<IResponse?> SubmitAsync(IPage page, ILocator form, bool filled, string login)
    {
        await form.EvaluateAsync("f => { f.noValidate = true; f.querySelectorAll('[required],[maxlength],[pattern]').forEach(e => { e.removeAttribute('required'); }); }");
        var fields = form.Locator("input:not([type=hidden]):not([type=submit]):not([type=file]):not([type=radio]):not([type=checkbox]), textarea");
        for (var j = 0; j < await fields.CountAsync(); j++)
        {
            var field = fields.Nth(j);
            var name = await field.GetAttributeAsync("name") ?? "";
            await field.FillAsync(filled ? ValidLooking(name, login) : "");
        }
        if (filled)
        {
            var radio = form.Locator("input[type=radio]");
            if (await radio.CountAsync() > 0) await radio.First.CheckAsync();
        }
        var button = form.Locator("button[type=submit], button:not([type])").First;
        if (await form.GetAttributeAsync("data-in-place") is not null)
        {
            await button.ClickAsync(); // a script handles it without leaving the page
            return null;
        }
        try
        {
            var response = await page.RunAndWaitForResponseAsync(() => button.ClickAsync(),
                r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400, new() { Timeout = 4_000 });
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            return response;
        }
        catch (TimeoutException)
        {
            return null; // handled in place by script (e.g. the macro insert)
        }
    }

    private static string ValidLooking(string name, string login) => name switch
    {
        _ when name.Contains("Amount", StringComparison.OrdinalIgnoreCase) => "12.34",
        _ when name.Contains("Phone", StringComparison.OrdinalIgnoreCase) => login == "13800000002" ? "13800000001" : "13800000002",
        _ when name.Contains("Number", StringComparison.OrdinalIgnoreCase) => "4111111111111111",
        _ when name.Contains("Expiry", StringComparison.OrdinalIgnoreCase) => "12/29",
        _ when name.Contains("Cvv", StringComparison.OrdinalIgnoreCase) => "123",
        _ when name.Contains("Holder", StringComparison.OrdinalIgnoreCase) => "张伟",
        _ when name.Contains("Date", StringComparison.OrdinalIgnoreCase) || name is "from" or "to" || name.EndsWith(".From", StringComparison.Ordinal) || name.EndsWith(".To", StringComparison.Ordinal) => "2026-11-02",
        _ when name.Contains("Search", StringComparison.OrdinalIgnoreCase) || name.Equals("q", StringComparison.Ordinal) => "充值",
        _ => "爬虫测试：到账问题 crawler check",
    };

    private static async Task CheckAsync(IPage page, IResponse? response, string what, List<string> problems)
    {
        if (response is not null)
        {
            if (response.Status >= 400) problems.Add($"{what}: status {response.Status} at {page.Url}");
            var type = response.Headers.TryGetValue("content-type", out var t) ? t : "";
            if (!type.StartsWith("text/html", StringComparison.Ordinal)) problems.Add($"{what}: {type} shown in the browser at {page.Url}");
        }
        if (await page.Locator("#status-title").CountAsync() > 0)
            problems.Add($"{what}: status page '{await page.Locator("#status-title").InnerTextAsync()}' at {page.Url}");
        var text = await page.Locator("body").InnerTextAsync();
        if (text.TrimStart().StartsWith('{')) problems.Add($"{what}: JSON shown in the browser");
        foreach (var bad in CodeLike(text)) problems.Add($"{what}: visible code-like text '{bad}' at {new Uri(page.Url).PathAndQuery}");
    }

    private static async Task CheckApiLinkAsync(IPage page, string path, string where, List<string> problems, StringBuilder log)
    {
        // Links into the API must be downloads (attachment, image, PDF), never JSON opened as a page.
        var r = await page.Context.APIRequest.GetAsync(path);
        var type = r.Headers.TryGetValue("content-type", out var t) ? t : "";
        var attachment = r.Headers.TryGetValue("content-disposition", out var d) && d.StartsWith("attachment", StringComparison.Ordinal);
        log.AppendLine($"{where} download {path} -> {r.Status} {type}{(attachment ? " attachment" : "")}");
        if (r.Status >= 400) problems.Add($"{where} link {path}: status {r.Status}");
        if (type.Contains("json", StringComparison.Ordinal) && !attachment) problems.Add($"{where} link {path}: JSON opened in the browser");
    }

    internal static IEnumerable<string> CodeLike(string text)
    {
        foreach (Match m in UnderscoreWord().Matches(text)) yield return m.Value;
        foreach (Match m in CapsCode().Matches(text)) yield return m.Value;
        foreach (Match m in DottedKey().Matches(text)) yield return m.Value;
        foreach (Match m in BareFen().Matches(text)) yield return m.Value;
    }

    private static string? Followable(string? href)
    {
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("tel:", StringComparison.Ordinal)) return null;
        if (href.Contains("://", StringComparison.Ordinal) || href.StartsWith("//", StringComparison.Ordinal)) return null; // other origins
        if (href.Contains("logout", StringComparison.Ordinal) || href.StartsWith("/ui/culture", StringComparison.Ordinal)) return null;
        return href.StartsWith('/') ? href : "/" + href;
    }

    /// <summary>Dedupes /complaints/{guid} and /complaints/{other guid}; keeps the query's names, not values.</summary>
    private static string Shape(string path)
    {
        var parts = path.Split('?', 2);
        var shape = RemoveIds(parts[0]);
        if (parts.Length == 2)
            shape += "?" + string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0] is var k && k is "view" or "role" or "type" or "status" ? p : k).Order());
        return shape;
    }

    private static string RemoveIds(string s) => Number().Replace(Guid().Replace(s, "{id}"), "{n}");

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
    [GeneratedRegex(@"(?<=/)\d+(?=/|$)")]
    private static partial Regex Number();
    [GeneratedRegex(@"\b[A-Za-z][a-z0-9]*_[a-z0-9_]+\b")]
    private static partial Regex UnderscoreWord();
    [GeneratedRegex(@"\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b")]
    private static partial Regex CapsCode();
    [GeneratedRegex(@"\b[a-z]+\.[a-z_]+(?:\.[a-z_]+)*\b(?<!\.(?:png|jpg|jpeg|pdf|csv|json|local|com|cn|txt))")]
    private static partial Regex DottedKey();
    [GeneratedRegex(@"(?<![\d¥,.\-:/*A-Za-z#№])\d{5,}(?![\d,.\-:/*])(?<!\b1[3-9]\d{9})(?<!\b12315)")]
    private static partial Regex BareFen();
}
