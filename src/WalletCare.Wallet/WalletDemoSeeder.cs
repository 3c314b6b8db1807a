using WalletCare.Platform.Contracts;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Modules;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Features;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet;

/// <summary>
/// Merchants, system ledger accounts, and for each demo customer: KYC 2, bound test cards, three
/// months of history (successes and declines with different codes) and a refund to card in progress.
/// Everything goes through the real services with fixed idempotency keys, so a second run adds nothing.
/// </summary>
internal sealed class WalletDemoSeeder(WalletDbContext db, OpenWalletHandler wallets, BindCardHandler cards, TopUpHandler topups, PayHandler payments,
    TransferHandler transfers, RefundPaymentHandler refunds, IUserDirectory users, TimeProvider time) : IDemoSeeder
{
    public int Order => 20;

    public static readonly (string Name, string En, string Descriptor, string Category)[] DemoMerchants =
    [
        ("美团外卖", "Meituan Waimai", "MEITUAN*WAIMAI", "food"),
        ("滴滴出行", "DiDi", "DIDI*CHUXING", "transport"),
        ("京东商城", "JD.com", "JD*JINGDONG", "shopping"),
        ("星巴克", "Starbucks", "STARBUCKS CN", "food"),
        ("中国移动", "China Mobile", "CMCC*TOPUP", "utilities"),
        ("携程旅行", "Trip.com", "CTRIP*TRAVEL", "travel"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await SystemAccounts.EnsureAsync(db, time.GetUtcNow().UtcDateTime, ct);
        foreach (var (name, en, descriptor, category) in DemoMerchants)
        {
            if (await db.Merchants.AnyAsync(m => m.Name == name, ct)) continue;
            var account = new LedgerAccount { Kind = AccountKind.MerchantPayable, Code = "merchant:" + descriptor, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.LedgerAccounts.Add(account);
            db.Merchants.Add(new Merchant { Name = name, NameEn = en, Descriptor = descriptor, Category = category, LedgerAccountId = account.Id });
            await db.SaveChangesAsync(ct);
        }
        await SeedCustomerAsync("13800000001", "6222000000000017", ct);
        await SeedCustomerAsync("13800000002", "6222000000000025", ct);
    }

    private async Task SeedCustomerAsync(string phone, string secondCard, CancellationToken ct)
    {
        var user = await users.FindByLoginAsync(phone, ct);
        if (user is null) return;
        var id = user.Id;
        var holder = user.DisplayName; // real-name rule: the cards are in the verified holder's own name
        var w = await wallets.EnsureWalletAsync(id, ct);
        if (await db.Transactions.AnyAsync(t => t.CustomerId == id && t.IdempotencyKey.StartsWith("seed:"), ct)) return;
        w.KycLevel = 2;
        await db.SaveChangesAsync(ct);

        var good = await cards.HandleAsync(id, new BindCardRequest("6222000000000009", "12/29", "123", holder), ct);
        var declining = await cards.HandleAsync(id, new BindCardRequest(secondCard, "08/28", "456", holder), ct);
        var merchants = await db.Merchants.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var n = 0;
        string Key() => $"seed:{phone}:{n++}";

        if (phone.EndsWith('1')) await ZhangHistoryAsync(id, good, declining, merchants, Key, now, ct);
        else await LiHistoryAsync(id, good, declining, merchants, Key, now, ct);
    }

    /// <summary>张伟: three months of everyday spending, a few declines, and a card refund still on its way.</summary>
    private async Task ZhangHistoryAsync(Guid id, Card good, Card declining, List<Merchant> merchants, Func<string> key, DateTime now, CancellationToken ct)
    {
        await topups.HandleAsync(id, new TopupRequest(good.Id, 500_000), key(), now.AddDays(-90), ct);
        for (var day = 88; day > 2; day -= 6)
        {
            var at = now.AddDays(-day).AddHours(day % 5);
            var m = merchants[day % merchants.Count];
            await payments.HandleAsync(id, new PaymentRequest(m.Id, 1_500 + day * 137 % 20_000, null), key(), at, ct);
            if (day % 18 == 4)
                await RecordFailedAsync(id, TxType.Topup, 50_000, WalletErrors.InsufficientFunds, key(), at.AddMinutes(5), null, declining.Id, ct);
            if (day % 24 == 10)
                await topups.HandleAsync(id, new TopupRequest(good.Id, 100_000), key(), at.AddHours(1), ct);
        }
        await RecordFailedAsync(id, TxType.Topup, 20_000, WalletErrors.RiskBlocked, key(), now.AddDays(-20), null, good.Id, ct);
        // The card is valid to 12/29, so this decline is a network error, not "card expired" (issue #17).
        await RecordFailedAsync(id, TxType.Topup, 30_000, WalletErrors.NetworkError, key(), now.AddDays(-12), null, good.Id, ct);
        await RecordFailedAsync(id, TxType.Payment, 8_800, WalletErrors.BalanceInsufficient, key(), now.AddDays(-6), merchants[0].Id, null, ct);
        await transfers.HandleAsync(id, new TransferRequest("13800000002", 5_000), key(), now.AddDays(-15), ct);

        // A payment refunded to card, still on its way (expectedBy in a few business days).
        var jd = merchants.First(m => m.Descriptor == "JD*JINGDONG");
        var paid = await payments.HandleAsync(id, new PaymentRequest(jd.Id, 29_900, "蓝牙耳机（已退货）"), key(), now.AddDays(-2), ct);
        await refunds.HandleAsync(paid.Id, new RefundRequest(29_900, ToCard: true), key(), ct);
    }

    /// <summary>李娜: her own, shorter two months — fewer payments, one declined top-up of ¥500, a cancelled hotel refunded to card.</summary>
    private async Task LiHistoryAsync(Guid id, Card good, Card declining, List<Merchant> merchants, Func<string> key, DateTime now, CancellationToken ct)
    {
        await topups.HandleAsync(id, new TopupRequest(good.Id, 500_000), key(), now.AddDays(-58), ct);
        for (var day = 55; day > 5; day -= 10)
        {
            var m = merchants[(day / 10 + 3) % merchants.Count];
            await payments.HandleAsync(id, new PaymentRequest(m.Id, 2_600 + day * 53 % 9_000, null), key(), now.AddDays(-day).AddHours(3), ct);
        }
        await transfers.HandleAsync(id, new TransferRequest("13800000001", 6_600), key(), now.AddDays(-9), ct);
        await RecordFailedAsync(id, TxType.Topup, 50_000, WalletErrors.IssuerDeclined, key(), now.AddDays(-4), null, declining.Id, ct);

        var trip = merchants.First(m => m.Descriptor == "CTRIP*TRAVEL");
        var paid = await payments.HandleAsync(id, new PaymentRequest(trip.Id, 45_600, "酒店订单（已取消）"), key(), now.AddDays(-2), ct);
        await refunds.HandleAsync(paid.Id, new RefundRequest(45_600, ToCard: true), key(), ct);
    }

    /// <summary>A payment or top-up the issuer or our checks declined, as history: no money moves, only the row and its trail.</summary>
    private async Task RecordFailedAsync(Guid customerId, string type, long amount, string code, string key, DateTime at, Guid? merchantId, Guid? cardId, CancellationToken ct)
    {
        if (await db.Transactions.AnyAsync(t => t.CustomerId == customerId && t.IdempotencyKey == key, ct)) return;
        var tx = WalletTransaction.Open(customerId, type, amount, key, WalletOperations.Hash(type, amount, code), at);
        tx.MerchantId = merchantId;
        tx.CardId = cardId;
        if (merchantId is { } mid) tx.Counterparty = (await db.Merchants.FirstAsync(m => m.Id == mid, ct)).Name;
        if (cardId is { } cid && await db.Cards.FirstOrDefaultAsync(c => c.Id == cid, ct) is { } card) tx.Counterparty = WalletOperations.CardLabel(card);
        db.Transactions.Add(tx);
        tx.Fail(code, at);
        await db.SaveChangesAsync(ct);
    }
}

internal static class SystemAccounts
{
    public static async Task EnsureAsync(WalletDbContext db, DateTime now, CancellationToken ct)
    {
        (string Code, string Kind)[] system =
        [
            (LedgerService.Gateway, AccountKind.GatewaySettlement), (LedgerService.Fees, AccountKind.Fees),
            (LedgerService.Goodwill, AccountKind.GoodwillExpense), (LedgerService.Provisional, AccountKind.ProvisionalCredit),
            (LedgerService.RemedyExpense, AccountKind.RemedyExpense),
        ];
        foreach (var (code, kind) in system)
        {
            if (await db.LedgerAccounts.AnyAsync(a => a.Code == code, ct)) continue;
            db.LedgerAccounts.Add(new LedgerAccount { Code = code, Kind = kind, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }
    }
}
