using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WalletCare.Testing;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Features;
using WalletCare.Wallet.Gateway;
using WalletCare.Wallet.Jobs;
using Xunit;

namespace WalletCare.Wallet.Tests;

/// <summary>
/// Forces the interleaving an outside probe found creating money (issue #9, C1): a hold commits, another
/// debit of the same account commits, then the hold is resolved by the context that made it. Before the
/// fix, the resolving context wrote back the totals it had read at hold time and the debit in between
/// vanished from the running totals (verify-ledger: "stored totals differ from its transfers").
/// Each hold path is covered: withdrawal approved (commit) and declined (void), card refund settled
/// (commit) and bounced (void + fall-back credit).
/// </summary>
public sealed class HoldInterleavingTests
{
    /// <summary>Runs <see cref="Between"/> while the gateway is "at the bank": after the hold committed, before its answer is applied.</summary>
    private sealed class InterleavingGateway : ICardGateway
    {
        private readonly SimulatedCardGateway _inner = new();
        public Func<Task>? Between { get; set; }
        public TokenizeResult Tokenize(string number, string expiry, string cvv, DateTime now) => _inner.Tokenize(number, expiry, cvv, now);
        public GatewayResult Charge(string token, string expiry, long amountMinor, string reference, DateTime now) => _inner.Charge(token, expiry, amountMinor, reference, now);
        public GatewayResult Query(string reference, DateTime now) => _inner.Query(reference, now);

        public GatewayResult Payout(string token, string expiry, long amountMinor, string reference, DateTime now)
        {
            var between = Between;
            Between = null;
            // The gateway interface is synchronous (a bank call); the test blocks it while another request commits.
            between?.Invoke().GetAwaiter().GetResult();
            return _inner.Payout(token, expiry, amountMinor, reference, now);
        }
    }

    private static WalletCareFactory Factory(Db db, InterleavingGateway gw) =>
        db == Db.Postgres
            ? WithPostgres(gw)
            : new WalletCareFactory(Db.Sqlite, configure: s => { s.RemoveAll<ICardGateway>(); s.AddSingleton<ICardGateway>(gw); });

    private static WalletCareFactory WithPostgres(InterleavingGateway gw)
    {
        PostgresServer.RequireOrSkip();
        return new WalletCareFactory(Db.Postgres, configure: s => { s.RemoveAll<ICardGateway>(); s.AddSingleton<ICardGateway>(gw); });
    }

    [Theory]
    [InlineData(Db.Sqlite, "6222000000000009", "succeeded")]
    [InlineData(Db.Sqlite, "6222000000000025", "failed")]
    [InlineData(Db.Postgres, "6222000000000009", "succeeded")]
    [InlineData(Db.Postgres, "6222000000000025", "failed")]
    public async Task A_payment_committed_while_a_withdrawal_is_at_the_bank_is_not_lost(Db db, string payoutCard, string withdrawalStatus)
    {
        var gw = new InterleavingGateway();
        await using var f = Factory(db, gw);
        var c = await f.ClientForAsync("13800000002");
        var funding = await c.BindAsync("6222000000000009");
        var target = await c.BindAsync(payoutCard);
        await c.TopupAsync(funding.GetProperty("id").GetString()!, 30_000);
        var start = await c.AvailableAsync();
        var merchant = await c.MerchantAsync();

        var other = await f.ClientForAsync("13800000002");
        gw.Between = async () => await (await other.PostJsonAsync("/api/v1/wallet/payments",
            new { merchantId = merchant, amountMinor = 5_000, description = "between" }, Guid.NewGuid().ToString())).ExpectAsync(201);

        var w = await (await c.PostJsonAsync("/api/v1/wallet/withdrawals",
            new { cardId = target.GetProperty("id").GetString(), amountMinor = 5_000 }, Guid.NewGuid().ToString())).ExpectAsync(201);
        Assert.Equal(withdrawalStatus, w.GetProperty("status").GetString());
        Assert.Null(gw.Between); // the interleaving really happened

        var expected = start - 5_000 - (withdrawalStatus == "succeeded" ? 5_000 : 0);
        Assert.Equal(expected, await c.AvailableAsync());
        var v = await f.VerifyLedgerAsync();
        Assert.True(v.Ok, string.Join("; ", v.Problems));
    }

    [Theory]
    [InlineData(Db.Sqlite, true)]
    [InlineData(Db.Sqlite, false)]
    [InlineData(Db.Postgres, true)]
    [InlineData(Db.Postgres, false)]
    public async Task A_merchant_debit_committed_between_a_card_refund_hold_and_its_settlement_is_not_lost(Db db, bool settles)
    {
        var gw = new InterleavingGateway();
        await using var f = Factory(db, gw);
        var c = await f.ClientForAsync("13800000001");
        var funding = await c.BindAsync("6222000000000009");
        await c.TopupAsync(funding.GetProperty("id").GetString()!, 50_000);
        var merchant = await c.MerchantAsync();
        var p1 = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 10_000, description = "a" }, Guid.NewGuid().ToString())).ExpectAsync(201);
        var p2 = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 7_000, description = "b" }, Guid.NewGuid().ToString())).ExpectAsync(201);
        var before = await c.AvailableAsync();

        // One scope (one DbContext) makes the hold and later settles it, as a node's job loop would.
        using var scope = f.Services.CreateScope();
        var refunds = scope.ServiceProvider.GetRequiredService<RefundPaymentHandler>();
        var hold = await refunds.HandleAsync(Guid.Parse(p1.GetProperty("id").GetString()!), new RefundRequest(10_000, ToCard: true), "hold-" + Guid.NewGuid());
        Assert.Equal(TxStatus.Pending, hold.Status);

        // Between: another node refunds the second payment to the wallet, debiting the same merchant account.
        await f.ScopedAsync(sp => sp.GetRequiredService<RefundPaymentHandler>()
            .HandleAsync(Guid.Parse(p2.GetProperty("id").GetString()!), new RefundRequest(7_000, ToCard: false), "between-" + Guid.NewGuid()));

        Assert.True(await scope.ServiceProvider.GetRequiredService<WalletJobs>().SettleRefundAsync(hold.Id, settles));

        Assert.Equal(before + 7_000 + (settles ? 0 : 10_000), await c.AvailableAsync());
        var v = await f.VerifyLedgerAsync();
        Assert.True(v.Ok, string.Join("; ", v.Problems));
        var merchantAccount = await f.ScopedAsync(sp => sp.GetRequiredService<WalletDbContext>().Merchants.AsNoTracking()
            .Where(m => m.Id == Guid.Parse(merchant)).Select(m => m.LedgerAccountId).FirstAsync());
        var pending = await f.ScopedAsync(sp => sp.GetRequiredService<WalletDbContext>().LedgerAccounts.AsNoTracking()
            .Where(a => a.Id == merchantAccount).Select(a => a.DebitsPending).FirstAsync());
        Assert.Equal(0, pending);
    }
}
