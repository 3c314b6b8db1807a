using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Testing;
using WalletCare.Wallet.Features;
using WalletCare.Wallet.Ledger;
using Xunit;

namespace WalletCare.Wallet.Tests;

/// <summary>
/// Random sequences of wallet operations (FsCheck): whatever happens — declines, overdraft
/// refusals, limits — the books balance and no customer balance is ever negative.
/// </summary>
public sealed class LedgerPropertyTests
{
    public sealed record Op(int Kind, int Who, long Amount);

    private static readonly Gen<Op> OpGen =
        from kind in Gen.Choose(0, 7)
        from who in Gen.Choose(0, 1)
        from amount in Gen.Choose(1, 400_000)
        select new Op(kind, who, amount);

    [Fact]
    public async Task Random_operation_sequences_keep_the_books_balanced_and_no_customer_negative()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var ids = new[] { await f.UserIdAsync("13800000001"), await f.UserIdAsync("13800000002") };
        var phones = new[] { "13800000001", "13800000002" };
        var (cards, merchant) = await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<WalletDbContext>();
            var c = new List<Guid>();
            foreach (var id in ids) c.Add(await db.Cards.Where(x => x.CustomerId == id && x.Last4 == "0009").Select(x => x.Id).FirstAsync());
            return (c, await db.Merchants.Select(m => m.Id).FirstAsync());
        });
        var n = 0;

        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(OpGen).Select(a => a.Take(12).ToArray())), ops =>
        {
            foreach (var op in ops) Run(f, op, ids, phones, cards, merchant, ref n);
            var v = f.VerifyLedgerAsync().GetAwaiter().GetResult();
            var negative = f.ScopedAsync(sp => sp.GetRequiredService<WalletDbContext>().LedgerAccounts
                .Where(a => a.DebitsMustNotExceedCredits).AnyAsync(a => a.DebitsPosted + a.DebitsPending > a.CreditsPosted)).GetAwaiter().GetResult();
            return v.Ok && !negative;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
        Assert.True(n > 0);
    }

    private static void Run(WalletCareFactory f, Op op, Guid[] ids, string[] phones, List<Guid> cards, Guid merchant, ref int n)
    {
        var key = "prop-" + n++;
        var me = ids[op.Who];
        try
        {
            f.ScopedAsync<object>(async sp =>
            {
                switch (op.Kind)
                {
                    case 0: return await sp.GetRequiredService<TopUpHandler>().HandleAsync(me, new TopupRequest(cards[op.Who], op.Amount), key);
                    case 1: return await sp.GetRequiredService<PayHandler>().HandleAsync(me, new PaymentRequest(merchant, op.Amount, "p"), key);
                    case 2: return await sp.GetRequiredService<TransferHandler>().HandleAsync(me, new TransferRequest(phones[1 - op.Who], op.Amount), key);
                    case 3: return await sp.GetRequiredService<WithdrawHandler>().HandleAsync(me, new WithdrawalRequest(cards[op.Who], op.Amount), key);
                    case 4:
                        var db = sp.GetRequiredService<WalletDbContext>();
                        var last = await db.Transactions.Where(t => t.CustomerId == me && t.Type == "payment" && t.Status == "succeeded").OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync();
                        return last is null ? 0 : await sp.GetRequiredService<RefundPaymentHandler>().HandleAsync(last.Id, new RefundRequest(Math.Min(op.Amount, last.AmountMinor), op.Amount % 2 == 0), key);
                    case 5: return await sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(new RemedyPosting(key, me, RemedyKinds.GoodwillCredit, op.Amount % 5_000 + 1, null, "WC"));
                    case 6: return await sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(new RemedyPosting(key, me, RemedyKinds.ProvisionalReversal, op.Amount, null, "WC"));
                    default: return await sp.GetRequiredService<Jobs.WalletJobs>().SettleDueRefundsAsync();
                }
            }).GetAwaiter().GetResult();
        }
        catch (AppProblem)
        {
            // Refusals (balance, limits, nothing to refund) are legitimate outcomes; the invariant must still hold.
        }
        if (op.Kind == 7) f.Time.Advance(TimeSpan.FromDays(2));
    }
}
