using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Features;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet;

internal static class RefundQueries
{
    /// <summary>
    /// Everything that has given (or is giving) a payment's money back: merchant refunds to wallet or card
    /// that have not failed, and refund remedies. Both the merchant path and the remedy path count both,
    /// so no mix of routes can return more than was paid.
    /// </summary>
    public static IQueryable<WalletTransaction> RefundsOf(this IQueryable<WalletTransaction> q, Guid paymentId) =>
        q.Where(t => t.OriginalTransactionId == paymentId && t.Status != TxStatus.Failed
            && (t.Type == TxType.Refund || (t.Type == TxType.Remedy && t.RemedyKind == RemedyKinds.Refund)));
}

/// <summary>Remedies as ledger postings from the right internal account, idempotent by key.</summary>
internal sealed class WalletRemedies(WalletDbContext db, LedgerService ledger, OpenWalletHandler wallet, IAuditLog audit, TimeProvider time) : IWalletRemedies
{
    public async Task<Guid> PostRemedyAsync(RemedyPosting p, CancellationToken ct = default) => (await PostRemediesAsync([p], ct))[0];

    public async Task<IReadOnlyList<Guid>> PostRemediesAsync(IReadOnlyList<RemedyPosting> postings, CancellationToken ct = default)
    {
        if (postings.Count == 0) return [];
        foreach (var p in postings)
        {
            if (p.AmountMinor <= 0) throw AppProblem.Validation("amountMinor", "field.amount_positive");
            _ = SourceAccount(p.Kind);
        }
        // Fast path for a replay: every key already posted, nothing to lock.
        var replay = new List<Guid>(postings.Count);
        foreach (var p in postings)
            if (await ExistingAsync(p, ct) is { } id) replay.Add(id);
        if (replay.Count == postings.Count) return replay;

        var wallets = new Dictionary<Guid, Domain.Wallet>();
        foreach (var customerId in postings.Select(p => p.CustomerId).Distinct())
            wallets[customerId] = await wallet.EnsureWalletAsync(customerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var ids = new List<Guid>(postings.Count);
        var posted = new List<(Guid TxId, RemedyPosting P)>();
        var sources = new List<Guid>();
        foreach (var kind in postings.Select(p => p.Kind).Distinct())
            sources.Add((await ledger.SystemAccountAsync(SourceAccount(kind), ct)).Id);
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            // Like every wallet operation: every account the batch touches is locked first, in one ordered
            // lock, so the idempotency and refund checks below see committed totals and cannot race.
            await ledger.LockAsync([.. wallets.Values.Select(w => w.LedgerAccountId), .. sources], ct);
            foreach (var p in postings)
            {
                if (await ExistingAsync(p, ct) is { } id)
                {
                    ids.Add(id);
                    continue;
                }
                if (p.Kind == RemedyKinds.Refund) await RequireRefundableAsync(p, ct);
                var txId = await PostOneAsync(p, wallets[p.CustomerId], now, ct);
                // Saved one by one inside the transaction so a later refund in the same batch counts this one.
                await db.SaveChangesAsync(ct);
                ids.Add(txId);
                posted.Add((txId, p));
            }
            await dbtx.CommitAsync(ct);
        }
        foreach (var (txId, p) in posted)
            await audit.WriteAsync("system", "wallet.remedy_posted", "txn:" + txId, new { p.Kind, p.AmountMinor, p.Reference }, ct);
        return ids;
    }

    private static string SourceAccount(string kind) => kind switch
    {
        RemedyKinds.Refund => LedgerService.RemedyExpense,
        RemedyKinds.ProvisionalCredit or RemedyKinds.ProvisionalReversal => LedgerService.Provisional,
        RemedyKinds.FeeReversal => LedgerService.Fees,
        RemedyKinds.GoodwillCredit => LedgerService.Goodwill,
        _ => throw AppProblem.Validation("type", "field.invalid"),
    };

    private static string HashOf(RemedyPosting p) => WalletOperations.Hash("remedy", p.Kind, p.AmountMinor, p.TransactionId, p.Reference);

    private async Task<Guid?> ExistingAsync(RemedyPosting p, CancellationToken ct)
    {
        var existing = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.CustomerId == p.CustomerId && t.IdempotencyKey == p.IdempotencyKey, ct);
        if (existing is null) return null;
        return existing.RequestHash == HashOf(p) ? existing.Id : throw new AppProblem(ErrorCodes.IdempotencyKeyReused);
    }

    /// <summary>
    /// The last word on a refund remedy, under the wallet's lock: only a succeeded payment of this customer,
    /// and never more than what is left of it after merchant refunds and earlier refund remedies.
    /// </summary>
    private async Task RequireRefundableAsync(RemedyPosting p, CancellationToken ct)
    {
        var payment = await db.Transactions.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == p.TransactionId && t.CustomerId == p.CustomerId && t.Type == TxType.Payment, ct);
        if (payment is null || payment.Status != TxStatus.Succeeded) throw new AppProblem(WalletErrors.RefundNotAllowed);
        var refunded = await db.Transactions.RefundsOf(payment.Id).SumAsync(t => (long?)t.AmountMinor, ct) ?? 0;
        var remaining = payment.AmountMinor - refunded;
        if (p.AmountMinor > remaining)
            throw new AppProblem(RemedyPostingErrors.RefundExceedsRemaining, Platform.Money.Money.Cny(Math.Max(0, remaining)).Format());
    }

    private async Task<Guid> PostOneAsync(RemedyPosting p, Domain.Wallet w, DateTime now, CancellationToken ct)
    {
        var account = await ledger.SystemAccountAsync(SourceAccount(p.Kind), ct);
        var reversal = p.Kind == RemedyKinds.ProvisionalReversal;
        var tx = WalletTransaction.Open(p.CustomerId, reversal ? TxType.Reversal : TxType.Remedy, p.AmountMinor, p.IdempotencyKey, HashOf(p), now,
            TxStatus.Succeeded, note: p.Kind);
        tx.RemedyKind = p.Kind; // shown through the wallet's resources ("补偿：商誉补偿"), never as the code
        tx.Description = p.Reference;
        tx.OriginalTransactionId = p.TransactionId;
        var spec = reversal
            ? new TransferSpec(w.LedgerAccountId, account.Id, p.AmountMinor, p.Kind, "post:" + tx.Id, tx.Id)
            : new TransferSpec(account.Id, w.LedgerAccountId, p.AmountMinor, p.Kind, "post:" + tx.Id, tx.Id);
        await ledger.PostAsync([spec], now, ct);
        db.Transactions.Add(tx);
        return tx.Id;
    }
}
