using WalletCare.Testing;
using Xunit;

namespace WalletCare.Server.Tests;

/// <summary>Every page and every API group answers with the security headers, whatever the status (issue #16).</summary>
public sealed class SecurityHeaderTests
{
    private static readonly string[] Pages = ["/", "/login", "/wallet", "/complaints", "/complaints/new", "/console", "/console/queue", "/console/approvals", "/console/reviews", "/nope"];
    private static readonly string[] Api = ["/api/v1/me", "/api/v1/wallet", "/api/v1/wallet/transactions", "/api/v1/complaints", "/api/v1/agent/queue", "/api/v1/approvals", "/api/v1/admin/users", "/api/v1/nope"];

    [Fact]
    public async Task Pages_and_api_answers_carry_the_security_headers()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var clients = new[] { f.CreateClient(), await f.ClientForAsync("13800000001"), await f.ClientForAsync("supervisor1") };
        var checkedCount = 0;
        foreach (var c in clients)
        {
            foreach (var url in Pages.Concat(Api).Append("/healthz"))
            {
                using var res = await c.GetAsync(url);
                var h = res.Headers;
                Assert.True(h.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", url);
                Assert.True(h.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", url);
                Assert.True(h.TryGetValues("Referrer-Policy", out _), url);
                Assert.True(h.TryGetValues("Content-Security-Policy", out var csp) && csp.Single().Contains("frame-ancestors 'none'", StringComparison.Ordinal), url);
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                    Assert.True(h.CacheControl?.NoStore == true, url + " must not be stored");
                checkedCount++;
            }
        }
        Assert.Equal(3 * (Pages.Length + Api.Length + 1), checkedCount);
    }
}

/// <summary>Crafted input that used to be accepted or answer 500 (issue #16).</summary>
public sealed class CraftedInputTests
{
    [Fact]
    public async Task Amounts_as_strings_are_refused_and_nothing_moves()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var merchants = await (await c.GetAsync("/api/v1/wallet/merchants")).ExpectAsync(200);
        var before = (await (await c.GetAsync("/api/v1/wallet")).ExpectAsync(200)).GetProperty("availableMinor").GetInt64();
        var body = new StringContent($$"""{"merchantId":"{{merchants[0].GetProperty("id").GetString()}}","amountMinor":"100"}""", System.Text.Encoding.UTF8, "application/json");
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/wallet/payments") { Content = body };
        req.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await c.SendAsync(req)).ExpectAsync(400, "MALFORMED_REQUEST");
        Assert.Equal(before, (await (await c.GetAsync("/api/v1/wallet")).ExpectAsync(200)).GetProperty("availableMinor").GetInt64());
    }

    [Fact]
    public async Task A_tab_in_the_sign_in_return_url_redirects_home_instead_of_failing()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var res = await c.GetAsync("/ui/culture?c=en-US&returnUrl=%2Fwallet%09x");
        Assert.Equal(302, (int)res.StatusCode);
        Assert.Equal("/", res.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var res = await c.PostAsync("/ui/logout", new FormUrlEncodedContent([]));
        Assert.Equal(400, (int)res.StatusCode);
    }
}

/// <summary>Console pages added for compliance and admin refuse the roles that may not use them.</summary>
public sealed class ConsolePageAuthorizationTests
{
    [Theory]
    [InlineData("/console/external", "external-title", "compliance1", "agent1")]
    [InlineData("/console/audit", "audit-verify", "compliance1", "agent1")]
    [InlineData("/console/admin", "users", "admin", "supervisor1")]
    [InlineData("/console/external", "external-title", "compliance1", "13800000001")]
    [InlineData("/console/calendar", "calendar-form", "supervisor1", "agent1")]
    [InlineData("/console/calendar", "calendar-form", "admin", "compliance1")]
    [InlineData("/wallet/transactions", "tx-list", "13800000001", "agent1")]
    public async Task A_role_that_may_not_use_the_page_never_sees_it(string url, string marker, string allowed, string refused)
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var ok = await (await f.ClientForAsync(allowed)).GetStringAsync(url);
        Assert.Contains($"id=\"{marker}\"", ok, StringComparison.Ordinal);
        var res = await (await f.ClientForAsync(refused)).GetAsync(url);
        Assert.DoesNotContain($"id=\"{marker}\"", await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_card_has_no_unbind_page_and_stays_bound()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var zhang = await f.ClientForAsync("13800000001");
        var card = (await (await zhang.GetAsync("/api/v1/wallet/cards")).ExpectAsync(200))[0].GetProperty("id").GetString();
        var li = await f.ClientForAsync("13800000002");
        var res = await li.GetAsync($"/wallet/cards/{card}/unbind");
        Assert.Equal(404, (int)res.StatusCode);
        Assert.DoesNotContain("id=\"unbind-form\"", await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"unbind-form\"", await zhang.GetStringAsync($"/wallet/cards/{card}/unbind"), StringComparison.Ordinal);
        Assert.Equal(2, (await (await zhang.GetAsync("/api/v1/wallet/cards")).ExpectAsync(200)).GetArrayLength());
    }
}
