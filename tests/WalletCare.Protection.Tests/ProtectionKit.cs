using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;
using WalletCare.Testing;
using WalletCare.Wallet;

namespace WalletCare.Protection.Tests;

internal static partial class ProtectionKit
{
    public const string Zhang = "13800000001";
    public const string Li = "13800000002";

    public static WalletCareFactory New(Db db, Action<IServiceCollection> configure)
    {
        if (db == Db.Postgres) PostgresServer.RequireOrSkip();
        return new WalletCareFactory(db, configure: configure);
    }

    public static Task<Guid> UserIdAsync(this WalletCareFactory f, string login) =>
        f.ScopedAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync(login))!.Id);

    public static async Task<long> AvailableAsync(this HttpClient c) =>
        (await (await c.GetAsync("/api/v1/wallet")).ExpectAsync(200)).GetProperty("availableMinor").GetInt64();

    public static async Task<string> WalletStatusAsync(this HttpClient c) =>
        (await (await c.GetAsync("/api/v1/wallet")).ExpectAsync(200)).GetProperty("status").GetString()!;

    public static async Task<string> MerchantAsync(this HttpClient c) =>
        (await (await c.GetAsync("/api/v1/wallet/merchants")).ExpectAsync(200))[0].GetProperty("id").GetString()!;

    /// <summary>The demo customer's card that always succeeds (****0009).</summary>
    public static async Task<string> GoodCardAsync(this HttpClient c) =>
        (await (await c.GetAsync("/api/v1/wallet/cards")).ExpectAsync(200)).EnumerateArray()
            .First(x => x.GetProperty("last4").GetString() == "0009").GetProperty("id").GetString()!;

    public static async Task<JsonElement> PayAsync(this HttpClient c, long amount, string? key = null) =>
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await c.MerchantAsync(), amountMinor = amount, description = "test" },
            key ?? Guid.NewGuid().ToString())).ExpectAsync(201);

    /// <summary>The six-digit code in the newest verification SMS to the user (read from the outbox, as the SMS transport would).</summary>
    public static Task<string?> LatestCodeAsync(this WalletCareFactory f, Guid userId) => f.ScopedAsync(async sp =>
    {
        var m = await sp.GetRequiredService<ProtectionDbContext>().Outbox.AsNoTracking()
            .Where(o => o.UserId == userId && o.Kind == "verification_code" && o.Channel == "sms").OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).FirstOrDefaultAsync();
        return m is null ? null : SixDigits().Match(m.Body).Value;
    });

    public static Task<int> SmsCountAsync(this WalletCareFactory f, Guid userId) => f.ScopedAsync(sp =>
        sp.GetRequiredService<ProtectionDbContext>().Outbox.CountAsync(o => o.UserId == userId && o.Kind == "verification_code"));

    public static Task<List<(string Number, string Priority, string Category)>> CasesAsync(this WalletCareFactory f, Guid customerId, string category) =>
        f.ScopedAsync(async sp => (await sp.GetRequiredService<CasesDbContext>().Cases.AsNoTracking()
            .Where(c => c.CustomerId == customerId && c.Category == category).ToListAsync())
            .Select(c => (c.Number, c.Priority, c.Category)).ToList());

    public static Task<List<string>> AuditActionsAsync(this WalletCareFactory f) =>
        f.ScopedAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync());

    public static async Task<int> VerifyAuditAsync(this WalletCareFactory f)
    {
        using var scope = f.Services.CreateScope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Name == "verify-audit");
        return await verb.RunAsync([], TextWriter.Null, CancellationToken.None);
    }

    public static Task<long> WithdrawalsAsync(this WalletCareFactory f, Guid customerId, long amount, string type = "withdrawal") =>
        f.ScopedAsync(sp => sp.GetRequiredService<WalletDbContext>().Transactions.LongCountAsync(t => t.CustomerId == customerId && t.Type == type && t.AmountMinor == amount));

    public static HttpRequestMessage Post(string url, object body, string? key = null, string? stepUp = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (key is not null) req.Headers.Add("Idempotency-Key", key);
        if (stepUp is not null) req.Headers.Add("X-Step-Up", stepUp);
        return req;
    }

    public static async Task<(int Status, string Body, double Ms)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var sw = Stopwatch.StartNew();
        var res = await send();
        var body = await res.Content.ReadAsStringAsync();
        return ((int)res.StatusCode, body, sw.Elapsed.TotalMilliseconds);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
