using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Wallet.Tests;

public abstract class WalletOperationTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Same_idempotency_key_twice_posts_once_and_another_body_is_409()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000001");
        var merchant = await c.MerchantAsync();
        var before = await c.AvailableAsync();
        var first = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 1_234, description = "coffee" }, "pay-1")).ExpectAsync(201);
        var second = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 1_234, description = "coffee" }, "pay-1")).ExpectAsync(201);
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(before - 1_234, await c.AvailableAsync());
        Assert.Equal(1, await f.TransfersForAsync(first.GetProperty("id").GetString()!));
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 9_999, description = "coffee" }, "pay-1")).ExpectAsync(409, "IDEMPOTENCY_KEY_REUSED");
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 1 })).ExpectAsync(400, "IDEMPOTENCY_KEY_REQUIRED");
    }

    [Fact]
    public async Task Fifty_concurrent_payments_from_one_account_never_overdraw()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000002");
        var merchant = await c.MerchantAsync();
        var start = await c.AvailableAsync();
        var amount = start / 20 + 1; // only 19 can succeed
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = amount, description = "race" }, $"race-{i}")));
        var codes = results.Select(r => (int)r.StatusCode).ToList();
        var ok = codes.Count(s => s == 201);
        Assert.All(codes, s => Assert.True(s is 201 or 422, $"unexpected status {s}"));
        Assert.Equal(19, ok);
        var end = await c.AvailableAsync();
        Assert.True(end >= 0);
        Assert.Equal(start - ok * amount, end);
        Assert.True((await f.VerifyLedgerAsync()).Ok);
    }

    [Fact]
    public async Task Another_customers_transaction_is_404_and_staff_are_refused_the_customer_wallet()
    {
        await using var f = WalletCareFactory.Create(Db);
        var zhang = await f.ClientForAsync("13800000001");
        var li = await f.ClientForAsync("13800000002");
        var zhangTx = (await (await zhang.GetAsync("/api/v1/wallet/transactions?limit=1")).ExpectAsync(200)).GetProperty("items")[0].GetProperty("id").GetString();
        await (await li.GetAsync($"/api/v1/wallet/transactions/{zhangTx}")).ExpectAsync(404, "NOT_FOUND");
        await (await zhang.GetAsync($"/api/v1/wallet/transactions/{zhangTx}")).ExpectAsync(200);
        var agent = await f.ClientForAsync("agent1");
        await (await agent.GetAsync("/api/v1/wallet")).ExpectAsync(403, "FORBIDDEN");
        await (await agent.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = Guid.NewGuid(), amountMinor = 1 }, "k")).ExpectAsync(403);
    }

    [Fact]
    public async Task Bad_input_is_a_clear_problem_and_writes_nothing()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000001");
        var merchant = await c.MerchantAsync();
        var count = (await (await c.GetAsync("/api/v1/wallet/transactions?limit=100")).ExpectAsync(200)).GetProperty("items").GetArrayLength();
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 0 }, "z1")).ExpectAsync(400, "VALIDATION_FAILED");
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 999_999_999 }, "z2")).ExpectAsync(422, "TRANSACTION_LIMIT_EXCEEDED");
        await (await c.PostJsonAsync("/api/v1/wallet/transfers", new { toPhone = "13899999999", amountMinor = 100 }, "z3")).ExpectAsync(422, "PAYEE_NOT_FOUND");
        await (await c.PostJsonAsync("/api/v1/wallet/topups", new { cardId = Guid.NewGuid(), amountMinor = 100 }, "z4")).ExpectAsync(422, "CARD_NOT_BOUND");
        var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/wallet/payments") { Content = new StringContent("{\"amountMinor\": \"ten\"", System.Text.Encoding.UTF8, "application/json") };
        malformed.Headers.Add("Idempotency-Key", "z5");
        await (await c.SendAsync(malformed)).ExpectAsync(400);
        Assert.Equal(count, (await (await c.GetAsync("/api/v1/wallet/transactions?limit=100")).ExpectAsync(200)).GetProperty("items").GetArrayLength());
        // A key whose request failed validation may be used again.
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 100 }, "z1")).ExpectAsync(201);
    }

    [Fact]
    public async Task Frozen_wallet_refuses_outgoing_money_but_receives_refunds_and_credits()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000001");
        var id = await f.UserIdAsync("13800000001");
        var merchant = await c.MerchantAsync();
        var paid = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 5_000, description = "x" }, "before-freeze")).ExpectAsync(201);
        await f.ScopedAsync(async sp => { await sp.GetRequiredService<IWalletSecurity>().FreezeAsync(id, "test", id); return 0; });
        var frozen = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 100 }, "after-freeze")).ExpectAsync(423, "WALLET_FROZEN");
        Assert.False(string.IsNullOrEmpty(frozen.GetProperty("detail").GetString()));
        await (await c.PostJsonAsync("/api/v1/wallet/transfers", new { toPhone = "13800000002", amountMinor = 100 }, "t-freeze")).ExpectAsync(423, "WALLET_FROZEN");
        var before = await c.AvailableAsync();
        var refund = await (await c.PostJsonAsync($"/api/v1/sim/payments/{paid.GetProperty("id").GetString()}/refund", new { amountMinor = 5_000, toCard = false })).ExpectAsync(201);
        Assert.Equal("succeeded", refund.GetProperty("status").GetString());
        Assert.Equal(before + 5_000, await c.AvailableAsync());
        Assert.Equal("frozen", (await (await c.GetAsync("/api/v1/wallet")).ExpectAsync(200)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Verify_ledger_passes_after_the_demo_seed_and_fails_after_tampering()
    {
        await using var f = WalletCareFactory.Create(Db);
        Assert.True((await f.VerifyLedgerAsync()).Ok);
        using (var scope = f.Services.CreateScope())
        {
            var verb = scope.ServiceProvider.GetServices<Platform.Modules.ICliVerb>().Single(v => v.Name == "verify-ledger");
            Assert.Equal(0, await verb.RunAsync([], TextWriter.Null, CancellationToken.None));
            var db = scope.ServiceProvider.GetRequiredService<WalletDbContext>();
            var t = await db.LedgerTransfers.OrderBy(x => x.At).FirstAsync();
            await db.LedgerTransfers.Where(x => x.Id == t.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AmountMinor, x => x.AmountMinor + 1));
            Assert.Equal(1, await verb.RunAsync([], TextWriter.Null, CancellationToken.None));
        }
        Assert.False((await f.VerifyLedgerAsync()).Ok);
    }

    [Fact]
    public async Task Remedy_postings_are_idempotent_and_balanced()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000001");
        var id = await f.UserIdAsync("13800000001");
        var before = await c.AvailableAsync();
        var posting = new RemedyPosting("remedy:test-1", id, RemedyKinds.GoodwillCredit, 2_000, null, "WC-2026-000001");
        var a = await f.ScopedAsync(sp => sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(posting));
        var b = await f.ScopedAsync(sp => sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(posting));
        Assert.Equal(a, b);
        Assert.Equal(before + 2_000, await c.AvailableAsync());
        await f.ScopedAsync(sp => sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(posting with { IdempotencyKey = "r2", Kind = RemedyKinds.ProvisionalCredit }));
        await f.ScopedAsync(sp => sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(posting with { IdempotencyKey = "r3", Kind = RemedyKinds.ProvisionalReversal }));
        Assert.Equal(before + 2_000, await c.AvailableAsync());
        Assert.True((await f.VerifyLedgerAsync()).Ok);
    }
}

public sealed class WalletOperationTestsSqlite : WalletOperationTests { protected override Db Db => Db.Sqlite; }
public sealed class WalletOperationTestsPostgres : WalletOperationTests { protected override Db Db => Db.Postgres; }
