using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Errors;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet.Features;

public sealed record RefundRequest(long AmountMinor, bool ToCard);

/// <summary>
/// A merchant refunds (part of) a payment, to the wallet at once or to the card after T+N business days.
/// Reached through the simulator and the demo seed; the bounced-card fall-back of WalletJobs reuses
/// <see cref="RefundLockedAsync"/> inside its own transaction.
/// </summary>
public sealed class RefundPaymentHandler(
    WalletDbContext db, WalletOperations ops, LedgerService ledger, WalletLimits limits, IBusinessCalendarProvider calendars, IAuditLog audit)
{
    public async Task<WalletTransaction> HandleAsync(Guid paymentId, RefundRequest r, string key, CancellationToken ct = default)
    {
        WalletOperations.RequirePositive(r.AmountMinor);
        var payment = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == paymentId && t.Type == TxType.Payment, ct) ?? throw AppProblem.NotFound();
        var hash = HashOf(paymentId, r);
        if (await ops.ExistingAsync(payment.CustomerId, key, hash, ct) is { } done) return done;
        if (payment.Status != TxStatus.Succeeded) throw new AppProblem(WalletErrors.RefundNotAllowed);
        var when = ops.Now;
        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == payment.MerchantId, ct);
        var gw = await ledger.SystemAccountAsync(LedgerService.Gateway, ct);
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        var w = await ops.WalletForUpdateAsync(payment.CustomerId, ct, merchant.LedgerAccountId, gw.Id);
        var tx = await RefundLockedAsync(payment, merchant, w, gw, r, key, hash, when, ct);
        if (!await ops.TrySaveAsync(ct)) return (await ops.ExistingAsync(payment.CustomerId, key, hash, ct))!;
        await dbtx.CommitAsync(ct);
        await audit.WriteAsync("system", "refund.created", "txn:" + tx.Id, new { paymentId, r.AmountMinor, r.ToCard }, ct);
        return tx;
    }

    internal static string HashOf(Guid paymentId, RefundRequest r) => WalletOperations.Hash("refund", paymentId, r.AmountMinor, r.ToCard);

    /// <summary>
    /// The refund itself, inside the caller's transaction with the wallet, merchant and gateway accounts
    /// locked: to the wallet it posts at once; to the card it holds the merchant's money until the bank
    /// settles (T+N business days). Never more than what is left of the payment.
    /// </summary>
    internal async Task<WalletTransaction> RefundLockedAsync(WalletTransaction payment, Merchant merchant, Domain.Wallet w, LedgerAccount gw,
        RefundRequest r, string key, string hash, DateTime when, CancellationToken ct)
    {
        // Executed refund remedies count too: a payment is refunded once, whichever route paid it back.
        var refunded = await db.Transactions.RefundsOf(payment.Id).SumAsync(t => (long?)t.AmountMinor, ct) ?? 0;
        if (refunded + r.AmountMinor > payment.AmountMinor) throw new AppProblem(WalletErrors.RefundNotAllowed);
        var tx = WalletTransaction.Open(payment.CustomerId, TxType.Refund, r.AmountMinor, key, hash, when);
        tx.MerchantId = merchant.Id;
        tx.Counterparty = merchant.Name;
        tx.OriginalTransactionId = payment.Id;
        tx.Description = payment.Description;
        db.Transactions.Add(tx);
        if (!r.ToCard)
        {
            tx.RefundDestination = "wallet";
            await ledger.PostAsync([new TransferSpec(merchant.LedgerAccountId, w.LedgerAccountId, r.AmountMinor, TxType.Refund, "post:" + tx.Id, tx.Id)], when, ct);
            tx.Succeed(when);
            return tx;
        }
        var card = await db.Cards.AsNoTracking().Where(c => c.CustomerId == payment.CustomerId && c.Active).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct)
            ?? throw new AppProblem(WalletErrors.CardNotBound);
        var cal = await calendars.GetAsync(ct);
        var today = DateOnly.FromDateTime(BusinessCalendar.ToLocal(when));
        var day = cal.AddBusinessDays(today, limits.CardRefundBusinessDays);
        tx.RefundDestination = "card";
        tx.CardId = card.Id;
        tx.Counterparty = $"{merchant.Name} → {card.Bank} ****{card.Last4}";
        tx.SettleAt = BusinessCalendar.ToUtc(day.ToDateTime(new TimeOnly(10, 0)));
        tx.ExpectedBy = cal.EndOfBusinessUtc(day);
        var hold = await ledger.HoldAsync(new TransferSpec(merchant.LedgerAccountId, gw.Id, r.AmountMinor, TxType.Refund, "hold:" + tx.Id, tx.Id), when, ct);
        tx.PendingTransferId = hold.Id;
        tx.Note("refund.sent_to_bank", when);
        return tx;
    }
}
