using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Server.Tests;

/// <summary>Sign-in, roles, lockout and problem details — on SQLite and on PostgreSQL.</summary>
public abstract class AuthTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Customer_signs_in_by_phone_email_and_staff_by_user_name()
    {
        await using var f = WalletCareFactory.Create(Db);
        foreach (var (login, role) in new[] { ("13800000001", "customer"), ("zhangwei@demo.walletcare.local", "customer"), ("agent1", "agent"), ("SUPERVISOR1", "supervisor") })
        {
            var c = await f.ClientForAsync(login);
            var me = await (await c.GetAsync("/api/v1/me")).ExpectAsync(200);
            Assert.Equal(role, me.GetProperty("role").GetString());
        }
        var zhang = await f.ClientForAsync("13800000001");
        var meZhang = await (await zhang.GetAsync("/api/v1/me")).ExpectAsync(200);
        Assert.Equal("张伟", meZhang.GetProperty("displayName").GetString());
        Assert.Equal("138****0001", meZhang.GetProperty("phoneMasked").GetString());
    }

    [Fact]
    public async Task Customer_token_is_refused_on_staff_and_admin_endpoints()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await f.ClientForAsync("13800000001");
        await (await customer.GetAsync("/api/v1/admin/users")).ExpectAsync(403, "FORBIDDEN");
        await (await customer.GetAsync("/api/v1/admin/audit/verify")).ExpectAsync(403, "FORBIDDEN");
        var agent = await f.ClientForAsync("agent1");
        await (await agent.GetAsync("/api/v1/admin/users")).ExpectAsync(403, "FORBIDDEN");
        var admin = await f.ClientForAsync("admin");
        var users = await (await admin.GetAsync("/api/v1/admin/users?limit=3")).ExpectAsync(200);
        Assert.Equal(3, users.GetProperty("items").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(users.GetProperty("nextCursor").GetString()));
        await (await f.CreateClient().GetAsync("/api/v1/me")).ExpectAsync(401, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_retry_after_until_time_passes()
    {
        await using var f = WalletCareFactory.Create(Db);
        var anon = f.CreateClient();
        for (var i = 0; i < 4; i++)
            await (await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "13800000002", password = "wrong" })).ExpectAsync(401, "INVALID_CREDENTIALS");
        var fifth = await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "13800000002", password = "wrong" });
        await fifth.ExpectAsync(423, "ACCOUNT_LOCKED");
        Assert.True(int.Parse(fifth.Headers.GetValues("Retry-After").Single()) > 0);

        // Locked: even the right password is refused, with Retry-After.
        var right = await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "13800000002", password = WalletCareFactory.DemoPassword });
        await right.ExpectAsync(423, "ACCOUNT_LOCKED");
        Assert.True(right.Headers.RetryAfter is not null);

        f.Time.Advance(TimeSpan.FromMinutes(16));
        await (await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "13800000002", password = WalletCareFactory.DemoPassword })).ExpectAsync(200);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_answer_identically()
    {
        await using var f = WalletCareFactory.Create(Db);
        var anon = f.CreateClient();
        var unknown = await (await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "13899999999", password = "whatever1" })).ExpectAsync(401, "INVALID_CREDENTIALS");
        var wrong = await (await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "13800000001", password = "whatever1" })).ExpectAsync(401, "INVALID_CREDENTIALS");
        Assert.Equal(unknown.GetProperty("title").GetString(), wrong.GetProperty("title").GetString());
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
        // Unknown names lock too, so lockout does not reveal which names exist.
        for (var i = 0; i < 4; i++) await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "13899999999", password = "x" });
        await (await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "13899999999", password = "x" })).ExpectAsync(423, "ACCOUNT_LOCKED");
    }

    [Fact]
    public async Task Malformed_json_and_missing_fields_are_400_problem_details_not_500()
    {
        await using var f = WalletCareFactory.Create(Db);
        var anon = f.CreateClient();
        var bad = await anon.PostAsync("/api/v1/auth/login", new StringContent("{\"login\":", System.Text.Encoding.UTF8, "application/json"));
        await bad.ExpectAsync(400, "MALFORMED_REQUEST");
        var empty = await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "" });
        var body = await empty.ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(body.GetProperty("errors").TryGetProperty("login", out _));
    }

    [Fact]
    public async Task Logout_revokes_the_session()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000001");
        await (await c.PostAsync("/api/v1/auth/logout", null)).ExpectAsync(204);
        await (await c.GetAsync("/api/v1/me")).ExpectAsync(401, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Problem_text_follows_accept_language()
    {
        await using var f = WalletCareFactory.Create(Db);
        var anon = f.CreateClient();
        var zh = await (await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "nobody", password = "x" })).ExpectAsync(401);
        Assert.Equal("账号或密码错误", zh.GetProperty("title").GetString());
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { login = "nobody", password = "x" }) };
        req.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");
        var en = await (await anon.SendAsync(req)).ExpectAsync(401);
        Assert.Equal("Wrong sign-in name or password", en.GetProperty("title").GetString());
    }
}

public sealed class AuthTestsSqlite : AuthTests { protected override Db Db => Db.Sqlite; }
public sealed class AuthTestsPostgres : AuthTests { protected override Db Db => Db.Postgres; }

public sealed class RateLimitTests
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_with_retry_after()
    {
        await using var f = new WalletCareFactory(Db.Sqlite, demo: false) { LoginAttemptsPerMinute = 3 };
        var anon = f.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = $"user{i}", password = "x" })).StatusCode);
        var res = await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = "user9", password = "x" });
        await res.ExpectAsync(429, "TOO_MANY_REQUESTS");
        Assert.NotNull(res.Headers.RetryAfter);
    }
}

public sealed class AntiforgeryTests
{
    [Fact]
    public async Task Cookie_authenticated_api_writes_need_the_antiforgery_token_bearer_writes_do_not()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var token = await f.ScopedAsync(async sp =>
        {
            var sessions = sp.GetRequiredService<WalletCare.Security.Auth.SessionService>();
            var r = await sessions.LoginAsync("13800000001", WalletCareFactory.DemoPassword, "cookie", new(null, null), CancellationToken.None);
            return r.Token;
        });
        var browser = f.CreateClient(new() { HandleCookies = false });
        browser.DefaultRequestHeaders.Add("Cookie", $"wc_session={token}");
        await (await browser.GetAsync("/api/v1/me")).ExpectAsync(200);
        await (await browser.PostAsync("/api/v1/auth/logout", null)).ExpectAsync(400, "ANTIFORGERY_FAILED");
        await (await browser.GetAsync("/api/v1/me")).ExpectAsync(200); // nothing happened

        var bearer = f.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await (await bearer.PostAsync("/api/v1/auth/logout", null)).ExpectAsync(204);
        await (await browser.GetAsync("/api/v1/me")).ExpectAsync(401);
    }
}
