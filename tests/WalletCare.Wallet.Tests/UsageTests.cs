using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Testing;
using WalletCare.Wallet.Domain;
using Xunit;

namespace WalletCare.Wallet.Tests;

/// <summary>
/// Limits read running day/month usage (issue #15) instead of summing the period's rows: the rows move with
/// every outgoing transaction, are given back when one fails, and always equal the transactions (verify-ledger).
/// </summary>
public abstract class UsageTests
{
    protected abstract Db Db { get; }

    private static Task<long> UsageAsync(WalletCareFactory f, Guid customer, string period) =>
        f.ScopedAsync(async sp => await sp.GetRequiredService<WalletDbContext>().Usage.AsNoTracking()
            .Where(u => u.CustomerId == customer && u.Period == period).Select(u => u.OutgoingMinor).FirstOrDefaultAsync());

    [Fact]
    public async Task The_daily_limit_counts_running_usage_and_a_declined_withdrawal_gives_its_share_back()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await f.UserIdAsync("13800000001");
        var c = await f.ClientForAsync("13800000001");
        var today = WalletUsage.Day(f.Time.GetUtcNow().UtcDateTime);
        var before = await UsageAsync(f, customer, today);

        var merchant = await c.MerchantAsync();
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 1_000, description = "咖啡" }, Guid.NewGuid().ToString())).ExpectAsync(201);
        Assert.Equal(before + 1_000, await UsageAsync(f, customer, today));

        // A withdrawal to a card the bank declines fails: it no longer counts toward today's limit.
        var declining = await c.BindAsync("6222000000000025");
        var w = await (await c.PostJsonAsync("/api/v1/wallet/withdrawals", new { cardId = declining.GetProperty("id").GetString(), amountMinor = 2_000 }, Guid.NewGuid().ToString())).ExpectAsync(201);
        Assert.Equal("failed", w.GetProperty("status").GetString());
        Assert.Equal(before + 1_000, await UsageAsync(f, customer, today));

        // With the day's limit just above what is used, ¥1.00 more passes and ¥2.00 more is refused.
        var used = await UsageAsync(f, customer, today);
        await f.ScopedAsync(sp =>
        {
            var limits = sp.GetRequiredService<WalletLimits>();
            foreach (var level in limits.ByLevel.Keys.Where(k => k > 0).ToList())
                limits.ByLevel[level] = limits.ByLevel[level] with { DailyMinor = used + 150 };
            return Task.FromResult(0);
        });
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 100 }, Guid.NewGuid().ToString())).ExpectAsync(201);
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 100 }, Guid.NewGuid().ToString())).ExpectAsync(422, "DAILY_LIMIT_EXCEEDED");
        Assert.Equal(used + 100, await UsageAsync(f, customer, today));

        var verified = await f.VerifyLedgerAsync();
        Assert.True(verified.Ok, string.Join("; ", verified.Problems));
    }

    [Fact]
    public async Task Concurrent_payments_never_pass_the_daily_limit_together()
    {
        await using var f = WalletCareFactory.Create(Db);
        var customer = await f.UserIdAsync("13800000001");
        var c = await f.ClientForAsync("13800000001");
        var merchant = await c.MerchantAsync();
        var today = WalletUsage.Day(f.Time.GetUtcNow().UtcDateTime);
        var used = await UsageAsync(f, customer, today);
        await f.ScopedAsync(sp =>
        {
            var limits = sp.GetRequiredService<WalletLimits>();
            foreach (var level in limits.ByLevel.Keys.Where(k => k > 0).ToList())
                limits.ByLevel[level] = limits.ByLevel[level] with { DailyMinor = used + 500 };
            return Task.FromResult(0);
        });
        // Ten payments of ¥1.00 race for ¥5.00 of headroom: exactly five pass.
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 100 }, Guid.NewGuid().ToString())));
        Assert.Equal(5, results.Count(r => (int)r.StatusCode == 201));
        Assert.Equal(5, results.Count(r => (int)r.StatusCode == 422));
        Assert.Equal(used + 500, await UsageAsync(f, customer, today));
        var verified = await f.VerifyLedgerAsync();
        Assert.True(verified.Ok, string.Join("; ", verified.Problems));
    }
}

public sealed class UsageTestsSqlite : UsageTests { protected override Db Db => Db.Sqlite; }
public sealed class UsageTestsPostgres : UsageTests { protected override Db Db => Db.Postgres; }
