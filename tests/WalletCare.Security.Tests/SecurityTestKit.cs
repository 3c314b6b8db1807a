using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;
using WalletCare.Security.Persistence;
using WalletCare.Testing;

namespace WalletCare.Security.Tests;

internal static class SecurityTestKit
{
    /// <summary>A brand-new customer with a phone, so nothing another test did shows up in their history.</summary>
    public static async Task<string> NewCustomerAsync(this WalletCareFactory f, string? email = null)
    {
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        await f.ScopedAsync(sp => sp.GetRequiredService<IUserDirectory>().CreateAsync(new NewUser("安全测试", "customer", WalletCareFactory.DemoPassword, Phone: phone, Email: email)));
        return phone;
    }

    public static Task<Guid> UserIdAsync(this WalletCareFactory f, string login) =>
        f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync(login))!.Id);

    /// <summary>A client whose every request carries this user agent (a "device").</summary>
    public static HttpClient Device(this WalletCareFactory f, string userAgent = "Mozilla/5.0 (iPhone) Safari/605")
    {
        var c = f.CreateClient();
        c.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return c;
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient c, string login, string password = WalletCareFactory.DemoPassword) =>
        c.PostAsJsonAsync("/api/v1/auth/login", new { login, password });

    /// <summary>Signs in (answering 2FA with <paramref name="secret"/> when asked) and returns the bearer token.</summary>
    public static async Task<string> TokenAsync(this WalletCareFactory f, HttpClient c, string login, string? secret = null)
    {
        var body = await (await c.LoginAsync(login)).ExpectAsync(200);
        if (body.TryGetProperty("twoFactorRequired", out var tf) && tf.GetBoolean())
            body = await (await c.PostAsJsonAsync("/api/v1/auth/login/2fa", new { challengeId = body.GetProperty("challengeId").GetGuid(), code = Code(secret!, f) })).ExpectAsync(200);
        return body.GetProperty("accessToken").GetString()!;
    }

    public static HttpClient Bearer(this WalletCareFactory f, string token, string userAgent = "Mozilla/5.0 (iPhone) Safari/605")
    {
        var c = f.Device(userAgent);
        c.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return c;
    }

    public static string Code(string secret, WalletCareFactory f) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(f.Time.GetUtcNow().UtcDateTime);

    /// <summary>Turns 2FA on through the API; returns the secret and the recovery codes.</summary>
    public static async Task<(string Secret, string[] RecoveryCodes)> EnableTwoFactorAsync(this WalletCareFactory f, HttpClient signedIn)
    {
        var setup = await (await signedIn.PostAsync("/api/v1/security/2fa/setup", null)).ExpectAsync(200);
        var secret = setup.GetProperty("secret").GetString()!;
        var enabled = await (await signedIn.PostAsJsonAsync("/api/v1/security/2fa/enable", new { code = Code(secret, f) })).ExpectAsync(200);
        return (secret, enabled.GetProperty("recoveryCodes").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    public static Task<List<OutboxMessage>> OutboxAsync(this WalletCareFactory f, Guid userId) =>
        f.ScopedAsync(sp => sp.GetRequiredService<SecurityDbContext>().Outbox.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ToListAsync());

    public static Task<List<string>> AuditActionsAsync(this WalletCareFactory f) =>
        f.ScopedAsync(sp => sp.GetRequiredService<WalletCare.Platform.Persistence.PlatformDbContext>().AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync());

    public static async Task<int> VerifyAuditAsync(this WalletCareFactory f)
    {
        using var scope = f.Services.CreateScope();
        var verb = scope.ServiceProvider.GetServices<WalletCare.Platform.Modules.ICliVerb>().Single(v => v.Name == "verify-audit");
        return await verb.RunAsync([], TextWriter.Null, CancellationToken.None);
    }

    public static string LinkToken(OutboxMessage m)
    {
        var link = JsonDocument.Parse(m.HeadersJson!).RootElement.GetProperty("link").GetString()!;
        return Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
    }
}
