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
