using Microsoft.Extensions.DependencyInjection;
using WalletCare.Testing;
using Xunit;
using static WalletCare.Protection.Tests.ProtectionKit;

namespace WalletCare.Protection.Tests;

public abstract class StepUpTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task A_3000_yuan_withdrawal_needs_a_code_and_the_retry_with_it_posts_exactly_once()
    {
        await using var f = WalletCareFactory.Create(Db);
        var id = await f.UserIdAsync(Zhang);
        var c = await f.ClientForAsync(Zhang);
        var card = await c.GoodCardAsync();
        await (await c.PostJsonAsync("/api/v1/wallet/topups", new { cardId = card, amountMinor = 400_000 }, "top")).ExpectAsync(201);
        var before = await c.AvailableAsync();
        var body = new { cardId = card, amountMinor = 300_000 };

        var challenge = await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", body, "w-3000"))).ExpectAsync(428, "STEP_UP_REQUIRED");
        var challengeId = challenge.GetProperty("challengeId").GetString();
        Assert.Equal("sms", challenge.GetProperty("method").GetString());
        var code = await f.LatestCodeAsync(id);
        Assert.NotNull(code);
        Assert.Equal(before, await c.AvailableAsync());
        // The 428 was not kept as the key's answer: repeating without a code asks again, it does not replay.
        var second = await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", body, "w-3000"))).ExpectAsync(428, "STEP_UP_REQUIRED");
        Assert.NotEqual(challengeId, second.GetProperty("challengeId").GetString());
        code = await f.LatestCodeAsync(id);
        challengeId = second.GetProperty("challengeId").GetString();

        var wrong = code == "000000" ? "111111" : "000000";
        await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", body, "w-3000", $"{challengeId}:{wrong}"))).ExpectAsync(422, "STEP_UP_CODE_INVALID");
        // A code for another amount does not fit.
        await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", new { cardId = card, amountMinor = 290_000 }, "w-2900", $"{challengeId}:{code}"))).ExpectAsync(422, "STEP_UP_CODE_INVALID");
        var posted = await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", body, "w-3000", $"{challengeId}:{code}"))).ExpectAsync(201);
        var replay = await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", body, "w-3000", $"{challengeId}:{code}"))).ExpectAsync(201);
        Assert.Equal(posted.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.Equal(1, await f.WithdrawalsAsync(id, 300_000));
        Assert.Equal(before - 300_000, await c.AvailableAsync());

        // Small amounts pass without a code.
        await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", new { cardId = card, amountMinor = 10_000 }, "w-100"))).ExpectAsync(201);
        Assert.Contains("protection.step_up_passed", await f.AuditActionsAsync());
        Assert.Equal(0, await f.VerifyAuditAsync());
    }

    [Fact]
    public async Task A_concurrent_double_submit_of_the_step_up_retry_posts_once()
    {
        await using var f = WalletCareFactory.Create(Db);
        var id = await f.UserIdAsync(Zhang);
        var c = await f.ClientForAsync(Zhang);
        await (await c.PostJsonAsync("/api/v1/wallet/topups", new { cardId = await c.GoodCardAsync(), amountMinor = 400_000 }, "top")).ExpectAsync(201);
        var body = new { toPhone = Li, amountMinor = 250_000 };
        var challenge = await (await c.SendAsync(Post("/api/v1/wallet/transfers", body, "t-2500"))).ExpectAsync(428, "STEP_UP_REQUIRED");
        var proof = $"{challenge.GetProperty("challengeId").GetString()}:{await f.LatestCodeAsync(id)}";
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => c.SendAsync(Post("/api/v1/wallet/transfers", body, "t-2500", proof))));
        Assert.Contains(results, r => (int)r.StatusCode == 201);
        Assert.All(results, r => Assert.True((int)r.StatusCode is 201 or 409 or 422, $"unexpected {(int)r.StatusCode}"));
        Assert.Equal(1, await f.WithdrawalsAsync(id, 250_000, "transfer_out"));
        await (await c.SendAsync(Post("/api/v1/wallet/transfers", body, "t-2500", proof))).ExpectAsync(201);
        Assert.Equal(1, await f.WithdrawalsAsync(id, 250_000, "transfer_out"));
    }

    [Fact]
    public async Task The_days_total_over_the_limit_needs_a_code_too()
    {
        await using var f = New(Db, s => s.PostConfigure<ProtectionOptions>(o => o.StepUp.DailyMinor = 300_000));
        var c = await f.ClientForAsync(Li);
        var card = await c.GoodCardAsync();
        await (await c.PostJsonAsync("/api/v1/wallet/topups", new { cardId = card, amountMinor = 400_000 }, "top")).ExpectAsync(201);
        await c.PayAsync(160_000);
        await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", new { cardId = card, amountMinor = 150_000 }, "w-1500"))).ExpectAsync(428, "STEP_UP_REQUIRED");
        await (await c.SendAsync(Post("/api/v1/wallet/withdrawals", new { cardId = card, amountMinor = 100_000 }, "w-1000"))).ExpectAsync(201);
    }
}

public sealed class StepUpTestsSqlite : StepUpTests { protected override Db Db => Db.Sqlite; }
public sealed class StepUpTestsPostgres : StepUpTests { protected override Db Db => Db.Postgres; }
