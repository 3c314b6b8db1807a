using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Security.Tests;

/// <summary>Records freezes; the real account protection lives in another area and is tested there.</summary>
internal sealed class FakeProtection : IAccountProtection
{
    public readonly List<(Guid Customer, string Source)> Calls = [];

    public Task<FreezeOutcome> FreezeAsync(Guid customerId, string source, string? reason, Guid? actor, CancellationToken ct = default)
    {
        lock (Calls) Calls.Add((customerId, source));
        return Task.FromResult(new FreezeOutcome(Guid.NewGuid(), "C-TEST-1", false));
    }
}

/// <summary>New-device alert with a single-use "this wasn't me" link; password change and reset end sessions.</summary>
public sealed class AlertAndPasswordTests
{
    private static WalletCareFactory Create(Db db, FakeProtection fake)
    {
        if (db == Db.Postgres) PostgresServer.RequireOrSkip();
        return new WalletCareFactory(db, configure: s => s.AddSingleton<IAccountProtection>(fake));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_new_device_sign_in_puts_an_alert_in_the_outbox_whose_link_freezes_once(Db db)
    {
        var fake = new FakeProtection();
        await using var f = Create(db, fake);
        var phone = await f.NewCustomerAsync();
        var id = await f.UserIdAsync(phone);
        var usual = f.Bearer(await f.TokenAsync(f.Device(), phone));
        await f.TokenAsync(f.Device(), phone); // same device again: no alert
        Assert.Empty(await f.OutboxAsync(id));

        const string strangerUa = "Mozilla/5.0 (Windows NT 10.0) Firefox/131.0";
        var stranger = f.Bearer(await f.TokenAsync(f.Device(strangerUa), phone), strangerUa);
        var alerts = await f.OutboxAsync(id);
        Assert.Equal([OutboxChannels.Sms, OutboxChannels.InApp], alerts.Select(a => a.Channel).Order().Reverse().ToArray());
        var sms = alerts.Single(a => a.Channel == OutboxChannels.Sms);
        Assert.Equal(phone, sms.To);
        Assert.Equal("security_alert", sms.Kind);
        Assert.Contains("Firefox", sms.Body);
        Assert.Contains("/security/not-me?token=", sms.Body);

        var token = SecurityTestKit.LinkToken(sms);
        var anon = f.CreateClient();
        await (await anon.PostAsJsonAsync("/api/v1/security/not-me", new { token = token + "x" })).ExpectAsync(410, "LINK_INVALID");
        var res = await (await anon.PostAsJsonAsync("/api/v1/security/not-me", new { token })).ExpectAsync(200);
        Assert.True(res.GetProperty("frozen").GetBoolean());
        Assert.Equal([(id, FreezeSources.NotMeLink)], fake.Calls);
        await (await stranger.GetAsync("/api/v1/me")).ExpectAsync(401);
        await (await usual.GetAsync("/api/v1/me")).ExpectAsync(401);
        await (await anon.PostAsJsonAsync("/api/v1/security/not-me", new { token })).ExpectAsync(410, "LINK_INVALID");
        Assert.Single(fake.Calls);
        var actions = await f.AuditActionsAsync();
        Assert.Contains("auth.new_device_alert", actions);
        Assert.Contains("auth.not_me_link_used", actions);
        Assert.Equal(0, await f.VerifyAuditAsync());
    }

    [Fact]
    public async Task The_not_me_link_expires_after_24_hours()
    {
        var fake = new FakeProtection();
        await using var f = Create(Db.Sqlite, fake);
        var phone = await f.NewCustomerAsync();
        await f.TokenAsync(f.Device(), phone);
        await f.TokenAsync(f.Device("Mozilla/5.0 (Macintosh; Mac OS X 14) Safari/605"), phone);
        var token = SecurityTestKit.LinkToken((await f.OutboxAsync(await f.UserIdAsync(phone))).First(m => m.Channel == OutboxChannels.Sms));
        f.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await (await f.CreateClient().PostAsJsonAsync("/api/v1/security/not-me", new { token })).ExpectAsync(410, "LINK_INVALID");
        Assert.Empty(fake.Calls);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_password_reset_revokes_every_session(Db db)
    {
        await using var f = Create(db, new FakeProtection());
        var phone = await f.NewCustomerAsync();
        var id = await f.UserIdAsync(phone);
        var a = f.Bearer(await f.TokenAsync(f.Device(), phone));
        var b = f.Bearer(await f.TokenAsync(f.Device(), phone));
        var anon = f.CreateClient();

        var known = await anon.PostAsJsonAsync("/api/v1/auth/password/reset/request", new { login = phone });
        var unknown = await anon.PostAsJsonAsync("/api/v1/auth/password/reset/request", new { login = "13700000000" });
        Assert.Equal(202, (int)known.StatusCode);
        Assert.Equal(202, (int)unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        var sms = (await f.OutboxAsync(id)).Single(m => m.Kind == "verification_code");
        var code = System.Text.RegularExpressions.Regex.Match(sms.Body, @"\d{6}").Value;

        await (await anon.PostAsJsonAsync("/api/v1/auth/password/reset", new { login = phone, code = code == "000000" ? "111111" : "000000", newPassword = "New-pass-2026" }))
            .ExpectAsync(400, "RESET_CODE_WRONG");
        await (await a.GetAsync("/api/v1/me")).ExpectAsync(200);
        await (await anon.PostAsJsonAsync("/api/v1/auth/password/reset", new { login = phone, code, newPassword = "New-pass-2026" })).ExpectAsync(204);
        await (await a.GetAsync("/api/v1/me")).ExpectAsync(401);
        await (await b.GetAsync("/api/v1/me")).ExpectAsync(401);
        await (await f.Device().LoginAsync(phone)).ExpectAsync(401, "INVALID_CREDENTIALS");
        await (await f.Device().LoginAsync(phone, "New-pass-2026")).ExpectAsync(200);
        // The code worked once.
        await (await anon.PostAsJsonAsync("/api/v1/auth/password/reset", new { login = phone, code, newPassword = "Other-pass-2026" })).ExpectAsync(400, "RESET_CODE_WRONG");
        Assert.Contains("auth.password_reset", await f.AuditActionsAsync());
        Assert.Equal(0, await f.VerifyAuditAsync());
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        await using var f = Create(Db.Sqlite, new FakeProtection());
        var phone = await f.NewCustomerAsync();
        var a = f.Bearer(await f.TokenAsync(f.Device(), phone));
        var b = f.Bearer(await f.TokenAsync(f.Device(), phone));
        await (await a.PostAsJsonAsync("/api/v1/auth/password/change", new { currentPassword = "wrong-one", newPassword = "New-pass-2026" }))
            .ExpectAsync(400, "CURRENT_PASSWORD_WRONG");
        await (await a.PostAsJsonAsync("/api/v1/auth/password/change", new { currentPassword = WalletCareFactory.DemoPassword, newPassword = "short" }))
            .ExpectAsync(400, "VALIDATION_FAILED");
        await (await b.GetAsync("/api/v1/me")).ExpectAsync(200);
        await (await a.PostAsJsonAsync("/api/v1/auth/password/change", new { currentPassword = WalletCareFactory.DemoPassword, newPassword = "New-pass-2026" }))
            .ExpectAsync(204);
        await (await b.GetAsync("/api/v1/me")).ExpectAsync(401);
        await (await a.GetAsync("/api/v1/me")).ExpectAsync(200);
        await (await f.Device().LoginAsync(phone, "New-pass-2026")).ExpectAsync(200);
    }
}
