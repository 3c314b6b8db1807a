using WalletCare.Platform.Calendar;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Wallet.Tests;

public sealed class RefundSettlementTests
{
    private static DateTimeOffset Shanghai(int y, int m, int d, int h) => new(BusinessCalendar.ToUtc(new DateTime(y, m, d, h, 0, 0)), TimeSpan.Zero);

    [Fact]
    public async Task Refund_to_card_settles_on_the_third_business_day_across_a_weekend()
    {
        // Friday 2026-11-27 10:00 Shanghai: T+3 business days is Wednesday 2026-12-02.
        await using var f = new WalletCareFactory(Db.Sqlite, start: Shanghai(2026, 11, 27, 10));
        var c = await f.ClientForAsync("13800000001");
        var pay = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await c.MerchantAsync(), amountMinor = 8_800, description = "退货" }, "p")).ExpectAsync(201);
        var refund = await (await c.PostJsonAsync($"/api/v1/sim/payments/{pay.GetProperty("id").GetString()}/refund", new { amountMinor = 8_800, toCard = true })).ExpectAsync(201);
        Assert.Equal("pending", refund.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), refund.GetProperty("expectedBy").GetDateTimeOffset());
        var id = refund.GetProperty("id").GetString();

        f.Time.SetUtcNow(Shanghai(2026, 12, 1, 23)); // Tuesday night: not yet
        Assert.Equal(0, await f.JobsAsync(j => j.SettleDueRefundsAsync()));
        var pending = await (await c.GetAsync($"/api/v1/wallet/transactions/{id}")).ExpectAsync(200);
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        f.Time.SetUtcNow(Shanghai(2026, 12, 2, 10)); // Wednesday morning: arrives (with the demo customers' own refunds)
        Assert.True(await f.JobsAsync(j => j.SettleDueRefundsAsync()) >= 1);
        Assert.Equal(0, await f.JobsAsync(j => j.SettleDueRefundsAsync()));
        var done = await (await c.GetAsync($"/api/v1/wallet/transactions/{id}")).ExpectAsync(200);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.True((await f.VerifyLedgerAsync()).Ok);
    }

    [Fact]
    public async Task A_failed_refund_to_card_comes_back_to_the_wallet()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000002");
        var pay = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await c.MerchantAsync(), amountMinor = 3_000, description = "x" }, "p")).ExpectAsync(201);
        var refund = await (await c.PostJsonAsync($"/api/v1/sim/payments/{pay.GetProperty("id").GetString()}/refund", new { amountMinor = 3_000, toCard = true })).ExpectAsync(201);
        var before = await c.AvailableAsync();
        await (await c.PostAsync($"/api/v1/sim/refunds/{refund.GetProperty("id").GetString()}/fail", null)).ExpectAsync(204);
        Assert.Equal(before + 3_000, await c.AvailableAsync());
        var failed = await (await c.GetAsync($"/api/v1/wallet/transactions/{refund.GetProperty("id").GetString()}")).ExpectAsync(200);
        Assert.Equal("REFUND_FAILED", failed.GetProperty("failureCode").GetString());
        // Refunding more than was paid is refused.
        await (await c.PostJsonAsync($"/api/v1/sim/payments/{pay.GetProperty("id").GetString()}/refund", new { amountMinor = 1, toCard = false })).ExpectAsync(409, "REFUND_NOT_ALLOWED");
    }
}

public sealed class StatementTests
{
    [Fact]
    public async Task The_csv_statement_lists_my_transactions_in_Shanghai_time_with_signed_amounts()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var res = await c.GetAsync("/api/v1/wallet/statement.csv?from=2026-08-01&to=2026-11-30");
        Assert.Equal("text/csv", res.Content.Headers.ContentType?.MediaType);
        var text = await res.Content.ReadAsStringAsync();
        var lines = text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("time_asia_shanghai,id,type,status,amount", lines[0]);
        Assert.True(lines.Length > 10);
        Assert.Contains(lines, l => l.Contains(",payment,succeeded,-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("INSUFFICIENT_FUNDS", StringComparison.Ordinal));
        await (await c.GetAsync("/api/v1/wallet/statement.csv?from=2026-11-30&to=2026-08-01")).ExpectAsync(400, "VALIDATION_FAILED");
        var li = await f.ClientForAsync("13800000002");
        var other = await (await li.GetAsync("/api/v1/wallet/statement.csv?from=2026-08-01&to=2026-11-30")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(lines[1].Split(',')[1], other); // only my own transactions
    }
}
