using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Security.Auth;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Security.Tests;

/// <summary>TOTP 2FA (SPEC §5): enrolment, the login branch, a code accepted once (RFC 6238 §5.2), lockout, staff must keep it.</summary>
public sealed class TwoFactorTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_customer_enables_2FA_and_then_a_reused_TOTP_code_is_refused(Db db)
    {
        await using var f = WalletCareFactory.Create(db);
        var phone = await f.NewCustomerAsync();
        var me = f.Bearer(await f.TokenAsync(f.Device(), phone));
        var (secret, recovery) = await f.EnableTwoFactorAsync(me);
        Assert.Equal(10, recovery.Distinct().Count());
        Assert.True((await (await me.GetAsync("/api/v1/security")).ExpectAsync(200)).GetProperty("twoFactorEnabled").GetBoolean());

        // Password alone no longer signs in.
        f.Time.Advance(TimeSpan.FromSeconds(30));
        var anon = f.Device();
        var first = await (await anon.LoginAsync(phone)).ExpectAsync(200);
        Assert.True(first.GetProperty("twoFactorRequired").GetBoolean());
        Assert.False(first.TryGetProperty("accessToken", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String);
        var code = SecurityTestKit.Code(secret, f);
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = first.GetProperty("challengeId").GetGuid(), code })).ExpectAsync(200);

        // The same code, same 30 s window, new challenge: refused.
        var second = await (await anon.LoginAsync(phone)).ExpectAsync(200);
        var challenge = second.GetProperty("challengeId").GetGuid();
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = challenge, code })).ExpectAsync(401, "TWO_FACTOR_CODE_WRONG");
        // A recovery code works once.
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = challenge, code = recovery[0] })).ExpectAsync(200);
        var third = await (await anon.LoginAsync(phone)).ExpectAsync(200);
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = third.GetProperty("challengeId").GetGuid(), code = recovery[0] }))
            .ExpectAsync(401, "TWO_FACTOR_CODE_WRONG");
        // The next time step's code is fine; a finished challenge cannot be used again.
        f.Time.Advance(TimeSpan.FromSeconds(30));
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = third.GetProperty("challengeId").GetGuid(), code = SecurityTestKit.Code(secret, f) })).ExpectAsync(200);
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = third.GetProperty("challengeId").GetGuid(), code = recovery[1] }))
            .ExpectAsync(401, "LOGIN_CHALLENGE_INVALID");

        var actions = await f.AuditActionsAsync();
        Assert.Contains("auth.2fa_enabled", actions);
        Assert.Contains("auth.2fa_failed", actions);
        Assert.Equal(0, await f.VerifyAuditAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Guessing_the_second_factor_is_locked_out_like_a_password(Db db)
    {
        await using var f = WalletCareFactory.Create(db);
        var anon = f.Device();
        var challenge = (await (await anon.LoginAsync("agent1")).ExpectAsync(200)).GetProperty("challengeId").GetGuid();
        var statuses = new List<int>();
        for (var i = 0; i < LoginGuard.PerAddressAttempts + 2; i++)
            statuses.Add((int)(await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = challenge, code = (100000 + i).ToString("D6") })).StatusCode);
        Assert.Equal(LoginGuard.PerAddressAttempts - 1, statuses.Count(s => s == 401));
        Assert.Equal(423, statuses[^1]);
        // Locked means locked: even the right code is refused until the lock runs out.
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = challenge, code = WalletCareFactory.DemoTotpCode(f.Time.GetUtcNow().UtcDateTime) }))
            .ExpectAsync(423, "ACCOUNT_LOCKED");
        f.Time.Advance(LoginGuard.LockoutDuration);
        var fresh = (await (await anon.LoginAsync("agent1")).ExpectAsync(200)).GetProperty("challengeId").GetGuid();
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = fresh, code = await f.DemoTwoFactorCodeAsync("agent1") })).ExpectAsync(200);
    }

    [Fact]
    public async Task Too_many_second_factor_requests_from_one_address_answer_429()
    {
        await using var f = new WalletCareFactory(Db.Sqlite) { LoginAttemptsPerMinute = 3 };
        var anon = f.Device();
        var challenge = (await (await anon.LoginAsync("agent1")).ExpectAsync(200)).GetProperty("challengeId").GetGuid();
        var last = 0;
        for (var i = 0; i < 4; i++)
            last = (int)(await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = challenge, code = "000000" })).StatusCode;
        Assert.Equal(429, last);
    }

    [Fact]
    public async Task Staff_sign_in_needs_the_second_factor_and_cannot_turn_it_off()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var anon = f.Device();
        var answer = await (await anon.LoginAsync("supervisor1")).ExpectAsync(200);
        Assert.True(answer.GetProperty("twoFactorRequired").GetBoolean());
        var staff = await f.ClientForAsync("supervisor1");
        await (await staff.PostAsJsonAsync("/api/v1/security/2fa/disable", new { code = await f.DemoTwoFactorCodeAsync("supervisor1") }))
            .ExpectAsync(409, "TWO_FACTOR_REQUIRED_FOR_STAFF");
        // Demo customers start without 2FA.
        Assert.True((await (await anon.LoginAsync("13800000002")).ExpectAsync(200)).TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task Enrolment_refuses_a_wrong_code_and_anonymous_callers()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        await (await f.CreateClient().PostAsync("/api/v1/security/2fa/setup", null)).ExpectAsync(401);
        var me = await f.ClientForAsync("13800000001");
        await (await me.PostAsync("/api/v1/security/2fa/setup", null)).ExpectAsync(200);
        await (await me.PostAsJsonAsync("/api/v1/security/2fa/enable", new { code = "12345" })).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.False((await (await me.GetAsync("/api/v1/security")).ExpectAsync(200)).GetProperty("twoFactorEnabled").GetBoolean());
        await (await me.PostAsJsonAsync("/api/v1/auth/login/2fa", new { code = "123456" })).ExpectAsync(400, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task A_staff_account_without_a_second_factor_cannot_sign_in_and_create_admin_enrols_one()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        await f.ScopedAsync(sp => sp.GetRequiredService<WalletCare.Platform.Contracts.IUserDirectory>()
            .CreateAsync(new WalletCare.Platform.Contracts.NewUser("新客服", "agent", "Agent-pass-2026", UserName: "agent9")));
        await (await f.Device().LoginAsync("agent9", "Agent-pass-2026")).ExpectAsync(403, "STAFF_TWO_FACTOR_NOT_ENROLLED");

        var output = new StringWriter();
        var rc = await f.ScopedAsync(sp => sp.GetServices<WalletCare.Platform.Modules.ICliVerb>().Single(v => v.Name == "create-admin")
            .RunAsync(["--user", "root2", "--password", "Root-password-2026"], output, default));
        Assert.Equal(0, rc);
        var secret = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"secret \(add to an authenticator app\): ([A-Z2-7]+)").Groups[1].Value;
        Assert.NotEmpty(secret);
        var anon = f.Device();
        var challenge = (await (await anon.LoginAsync("root2", "Root-password-2026")).ExpectAsync(200)).GetProperty("challengeId").GetGuid();
        await (await anon.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = challenge, code = SecurityTestKit.Code(secret, f) })).ExpectAsync(200);
    }
}
