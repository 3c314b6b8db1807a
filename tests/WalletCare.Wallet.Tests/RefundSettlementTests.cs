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
