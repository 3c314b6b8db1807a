using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WalletCare.Testing;
using WalletCare.Wallet.Gateway;
using Xunit;
using static WalletCare.Protection.Tests.ProtectionKit;

namespace WalletCare.Protection.Tests;

public abstract class EmergencyFreezeTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Freeze_by_phone_and_sms_code_stops_payments_ends_sessions_opens_one_P1_case_and_refunds_still_arrive()
    {
        await using var f = WalletCareFactory.Create(Db);
        var id = await f.UserIdAsync(Zhang);
        var phoneSession = await f.ClientForAsync(Zhang);
        var paid = await phoneSession.PayAsync(5_000);
        var anon = f.CreateClient();

        await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze/code", new { phone = "+86 138 0000 0001" })).ExpectAsync(202);
        var code = await f.LatestCodeAsync(id);
        Assert.NotNull(code);
        var wrong = code == "000000" ? "111111" : "000000";
        await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze", new { phone = Zhang, code = wrong })).ExpectAsync(422, "VERIFICATION_CODE_INVALID");
        var frozen = await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze", new { phone = "138-0000-0001", code })).ExpectAsync(200);
        var number = frozen.GetProperty("caseNumber").GetString();
        Assert.StartsWith("WC-", number);
        // Single use.
        await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze", new { phone = Zhang, code })).ExpectAsync(422, "VERIFICATION_CODE_INVALID");

        // The thief's session (the lost phone) is gone on its very next request.
        Assert.Equal(401, (int)(await phoneSession.GetAsync("/api/v1/wallet")).StatusCode);
        var c = await f.ClientForAsync(Zhang);
        Assert.Equal("frozen", await c.WalletStatusAsync());
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await c.MerchantAsync(), amountMinor = 100 }, "after")).ExpectAsync(423, "WALLET_FROZEN");
        await (await c.PostJsonAsync("/api/v1/wallet/withdrawals", new { cardId = await c.GoodCardAsync(), amountMinor = 100 }, "after-w")).ExpectAsync(423, "WALLET_FROZEN");

        var before = await c.AvailableAsync();
        await (await c.PostJsonAsync($"/api/v1/sim/payments/{paid.GetProperty("id").GetString()}/refund", new { amountMinor = 5_000, toCard = false })).ExpectAsync(201);
        Assert.Equal(before + 5_000, await c.AvailableAsync());

        // Freezing again in the same episode (from the security page) keeps the one case.
        var again = await (await c.PostJsonAsync("/api/v1/security/freeze", new { reason = "再确认" })).ExpectAsync(200);
        Assert.True(again.GetProperty("alreadyFrozen").GetBoolean());
        Assert.Equal(number, again.GetProperty("caseNumber").GetString());
        var cases = await f.CasesAsync(id, "account_compromised");
        Assert.Single(cases);
        Assert.Equal("P1", cases[0].Priority);
        Assert.Equal(number, cases[0].Number);

        var audit = await f.AuditActionsAsync();
        Assert.Contains("protection.freeze", audit);
        Assert.Contains("wallet.frozen", audit);
        Assert.Contains("protection.freeze_code_wrong", audit);
        Assert.Equal(0, await f.VerifyAuditAsync());
    }

    [Fact]
    public async Task Freeze_cancels_a_withdrawal_the_bank_never_received_and_gives_the_money_back()
    {
        await using var f = New(Db, s =>
        {
            s.RemoveAll<ICardGateway>();
            s.AddSingleton<ICardGateway, CrashingGateway>();
        });
        var c = await f.ClientForAsync(Li);
        var before = await c.AvailableAsync();
        // The process "dies" between holding the money and calling the bank: the withdrawal stays pending.
        var res = await c.PostJsonAsync("/api/v1/wallet/withdrawals", new { cardId = await c.GoodCardAsync(), amountMinor = CrashingGateway.Amount }, "w-crash");
        Assert.Equal(500, (int)res.StatusCode);
        Assert.Equal(before - CrashingGateway.Amount, await c.AvailableAsync());
        // Within the first minute the request may still be talking to the bank: the freeze leaves it alone.
        await (await c.PostJsonAsync("/api/v1/security/freeze", new { reason = "手机丢了" })).ExpectAsync(200);
        var c1 = await f.ClientForAsync(Li);
        Assert.Equal(before - CrashingGateway.Amount, await c1.AvailableAsync());

        f.Time.Advance(TimeSpan.FromMinutes(2));
        await (await c1.PostJsonAsync("/api/v1/security/freeze", new { reason = "再次冻结" })).ExpectAsync(200);
        var c2 = await f.ClientForAsync(Li);
        Assert.Equal(before, await c2.AvailableAsync());
        var list = await (await c2.GetAsync("/api/v1/wallet/transactions?limit=5")).ExpectAsync(200);
        var w = list.GetProperty("items").EnumerateArray().First(t => t.GetProperty("type").GetString() == "withdrawal");
        Assert.Equal("failed", w.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_code_request_for_an_unknown_phone_looks_exactly_like_a_known_one()
    {
        await using var f = New(Db, s => s.PostConfigure<ProtectionOptions>(o =>
        {
            o.CodeRequestsPerPhonePerHour = 1_000;
            o.CodeRequestsPerAddressPerHour = 1_000;
        }));
        var anon = f.CreateClient();
        async Task<(int, string, double)> Ask(string phone) =>
            await TimedAsync(() => anon.PostJsonAsync("/api/v1/security/emergency-freeze/code", new { phone }));
        for (var i = 0; i < 5; i++) { await Ask(Zhang); await Ask("13912345678"); } // warm up both paths
        var known = new List<double>();
        var unknown = new List<double>();
        string? body = null;
        for (var i = 0; i < 50; i++)
        {
            // Alternate which goes first, so neither side always pays for the other's after-effects.
            var knownFirst = i % 2 == 0;
            var first = await Ask(knownFirst ? Zhang : "13912345678");
            var second = await Ask(knownFirst ? "13912345678" : Zhang);
            var ((ks, kb, kt), (us, ub, ut)) = knownFirst ? (first, second) : (second, first);
            Assert.Equal(202, ks);
            Assert.Equal(202, us);
            Assert.Equal(kb, ub);
            body ??= kb;
            known.Add(kt);
            unknown.Add(ut);
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var (mk, mu) = (Median(known), Median(unknown));
        Assert.True(Math.Abs(mk - mu) <= 0.2 * Math.Max(mk, mu), $"median known {mk:F2} ms vs unknown {mu:F2} ms");
        Assert.DoesNotContain("1380", body);
    }

    [Fact]
    public async Task Code_requests_are_limited_per_phone_the_same_way_for_unknown_phones_and_bad_numbers_are_400()
    {
        await using var f = WalletCareFactory.Create(Db);
        var anon = f.CreateClient();
        foreach (var phone in new[] { Zhang, "13912340000" })
        {
            for (var i = 0; i < 5; i++)
                await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze/code", new { phone })).ExpectAsync(202);
            await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze/code", new { phone })).ExpectAsync(429, "TOO_MANY_REQUESTS");
        }
        await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze/code", new { phone = "12345" })).ExpectAsync(400);
        await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze", new { phone = "13912340000", code = "123456" })).ExpectAsync(422, "VERIFICATION_CODE_INVALID");
        Assert.Equal(5, await f.SmsCountAsync(await f.UserIdAsync(Zhang)));
    }

    [Fact]
    public async Task Code_requests_are_limited_per_client_address_whatever_the_number()
    {
        await using var f = New(Db, s => s.PostConfigure<ProtectionOptions>(o => o.CodeRequestsPerAddressPerHour = 3));
        var anon = f.CreateClient();
        for (var i = 0; i < 3; i++)
            await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze/code", new { phone = $"1391234000{i}" })).ExpectAsync(202);
        await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze/code", new { phone = Li })).ExpectAsync(429, "TOO_MANY_REQUESTS");
        Assert.Equal(0, await f.SmsCountAsync(await f.UserIdAsync(Li)));
        f.Time.Advance(TimeSpan.FromMinutes(61));
        await (await anon.PostJsonAsync("/api/v1/security/emergency-freeze/code", new { phone = Li })).ExpectAsync(202);
        Assert.Equal(1, await f.SmsCountAsync(await f.UserIdAsync(Li)));
    }
}

/// <summary>The card gateway, except that one payout amount never reaches the bank (the process dies first).</summary>
internal sealed class CrashingGateway : ICardGateway
{
    public const long Amount = 12_345;
    private readonly SimulatedCardGateway _inner = new();
    public TokenizeResult Tokenize(string number, string expiry, string cvv, DateTime now) => _inner.Tokenize(number, expiry, cvv, now);
    public GatewayResult Charge(string token, string expiry, long amountMinor, string reference, DateTime now) => _inner.Charge(token, expiry, amountMinor, reference, now);
    public GatewayResult Payout(string token, string expiry, long amountMinor, string reference, DateTime now) =>
        amountMinor == Amount ? throw new InvalidOperationException("process stopped before the bank was called") : _inner.Payout(token, expiry, amountMinor, reference, now);
    public GatewayResult Query(string reference, DateTime now) => _inner.Query(reference, now);
}

public sealed class EmergencyFreezeTestsSqlite : EmergencyFreezeTests { protected override Db Db => Db.Sqlite; }
public sealed class EmergencyFreezeTestsPostgres : EmergencyFreezeTests { protected override Db Db => Db.Postgres; }
