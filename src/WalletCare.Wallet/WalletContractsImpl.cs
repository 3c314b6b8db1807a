using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet;

internal sealed class WalletQueries(WalletDbContext db) : IWalletQueries
{
    internal static TransactionSummary Map(WalletTransaction t) =>
        new(t.Id, t.CustomerId, t.Type, t.Status, t.AmountMinor, t.Currency, t.FailureCode, t.Counterparty, t.Description, t.CreatedAt, t.ExpectedBy);

    public async Task<IReadOnlyList<TransactionSummary>> GetTransactionsAsync(Guid customerId, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        return (await db.Transactions.AsNoTracking().Where(t => t.CustomerId == customerId && list.Contains(t.Id)).ToListAsync(ct)).Select(Map).ToList();
    }

    public async Task<IReadOnlyList<TransactionSummary>> RecentTransactionsAsync(Guid customerId, int limit, CancellationToken ct = default) =>
        (await db.Transactions.AsNoTracking().Where(t => t.CustomerId == customerId).OrderByDescending(t => t.CreatedAt).Take(limit).ToListAsync(ct)).Select(Map).ToList();

    public async Task<WalletSummary?> GetWalletAsync(Guid customerId, CancellationToken ct = default)
    {
        var w = await db.Wallets.AsNoTracking().FirstOrDefaultAsync(x => x.CustomerId == customerId, ct);
        if (w is null) return null;
        var a = await db.LedgerAccounts.AsNoTracking().FirstAsync(x => x.Id == w.LedgerAccountId, ct);
        return new WalletSummary(w.CustomerId, w.Status, w.KycLevel, a.Available, a.Held, a.Currency);
    }

    public Task<long> CountTransactionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default) =>
        db.Transactions.AsNoTracking().LongCountAsync(t => t.CreatedAt >= fromUtc && t.CreatedAt < toUtc && t.Type != TxType.TransferIn, ct);
}

/// <summary>Remedies as ledger postings from the right internal account, idempotent by key.</summary>
internal sealed class WalletRemedies(WalletDbContext db, LedgerService ledger, WalletService wallet, IAuditLog audit, TimeProvider time) : IWalletRemedies
{
    public async Task<Guid> PostRemedyAsync(RemedyPosting p, CancellationToken ct = default)
    {
        if (p.AmountMinor <= 0) throw AppProblem.Validation("amountMinor", "field.amount_positive");
        var source = p.Kind switch
        {
            RemedyKinds.Refund => LedgerService.RemedyExpense,
            RemedyKinds.ProvisionalCredit or RemedyKinds.ProvisionalReversal => LedgerService.Provisional,
            RemedyKinds.FeeReversal => LedgerService.Fees,
            RemedyKinds.GoodwillCredit => LedgerService.Goodwill,
            _ => throw AppProblem.Validation("type", "field.invalid"),
        };
        var hash = WalletService.Hash("remedy", p.Kind, p.AmountMinor, p.TransactionId, p.Reference);
        var existing = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.CustomerId == p.CustomerId && t.IdempotencyKey == p.IdempotencyKey, ct);
        if (existing is not null)
            return existing.RequestHash == hash ? existing.Id : throw new AppProblem(ErrorCodes.IdempotencyKeyReused, 409);

        var w = await wallet.EnsureWalletAsync(p.CustomerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var account = await ledger.SystemAccountAsync(source, ct);
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        await wallet.WalletForUpdateAsync(p.CustomerId, ct, account.Id);
        var reversal = p.Kind == RemedyKinds.ProvisionalReversal;
        var tx = WalletService.NewTx(p.CustomerId, reversal ? TxType.Reversal : TxType.Remedy, p.AmountMinor, p.IdempotencyKey, hash, now);
        tx.Counterparty = p.Kind;
        tx.Description = p.Reference;
        tx.OriginalTransactionId = p.TransactionId;
        tx.Status = TxStatus.Succeeded;
        var spec = reversal
            ? new TransferSpec(w.LedgerAccountId, account.Id, p.AmountMinor, p.Kind, "post:" + tx.Id, tx.Id)
            : new TransferSpec(account.Id, w.LedgerAccountId, p.AmountMinor, p.Kind, "post:" + tx.Id, tx.Id);
        await ledger.PostAsync([spec], now, ct);
        db.Transactions.Add(tx);
        wallet.Event(tx, TxStatus.Succeeded, p.Kind, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (await db.Transactions.AsNoTracking().FirstAsync(t => t.CustomerId == p.CustomerId && t.IdempotencyKey == p.IdempotencyKey, ct)).Id;
        }
        await dbtx.CommitAsync(ct);
        await audit.WriteAsync("system", "wallet.remedy_posted", "txn:" + tx.Id, new { p.Kind, p.AmountMinor, p.Reference }, ct);
        return tx.Id;
    }
}

internal sealed class WalletSecurity(WalletDbContext db, WalletService wallet, IAuditLog audit, TimeProvider time) : IWalletSecurity
{
    public async Task FreezeAsync(Guid customerId, string reason, Guid actor, CancellationToken ct = default)
    {
        await wallet.EnsureWalletAsync(customerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Wallets.Where(w => w.CustomerId == customerId).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, WalletStatus.Frozen).SetProperty(w => w.FrozenReason, reason).SetProperty(w => w.FrozenAt, now)
            .SetProperty(w => w.Version, w => w.Version + 1), ct);
        await audit.WriteAsync(actor.ToString(), "wallet.frozen", "wallet:" + customerId, new { reason }, ct);
    }

    public async Task UnfreezeAsync(Guid customerId, string reason, Guid actor, CancellationToken ct = default)
    {
        await db.Wallets.Where(w => w.CustomerId == customerId).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, WalletStatus.Active).SetProperty(w => w.FrozenReason, (string?)null).SetProperty(w => w.FrozenAt, (DateTime?)null)
            .SetProperty(w => w.Version, w => w.Version + 1), ct);
        await audit.WriteAsync(actor.ToString(), "wallet.unfrozen", "wallet:" + customerId, new { reason }, ct);
    }
}
