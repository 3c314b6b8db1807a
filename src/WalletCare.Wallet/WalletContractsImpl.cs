using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Features;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet;

/// <summary>What other areas may read of the wallet; counterparties go through the same explainer as the wallet's own pages.</summary>
internal sealed class WalletContractQueries(WalletDbContext db, TransactionExplainer x) : IWalletQueries
{
    private TransactionSummary Map(WalletTransaction t) =>
        new(t.Id, t.CustomerId, t.Type, t.Status, t.AmountMinor, t.Currency, t.FailureCode, x.CounterpartyOf(t), t.Description, t.CreatedAt, t.ExpectedBy);

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
    public async Task<long> RefundedMinorAsync(Guid customerId, Guid paymentId, CancellationToken ct = default) =>
        await db.Transactions.AsNoTracking().Where(t => t.CustomerId == customerId).RefundsOf(paymentId).SumAsync(t => (long?)t.AmountMinor, ct) ?? 0;
}

internal sealed class WalletSecurity(WalletDbContext db, OpenWalletHandler wallet, IAuditLog audit, TimeProvider time, StopPendingWithdrawals stopper) : IWalletSecurity
{
    public async Task FreezeAsync(Guid customerId, string reason, Guid actor, CancellationToken ct = default)
    {
        await wallet.EnsureWalletAsync(customerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Wallets.Where(w => w.CustomerId == customerId).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, WalletStatus.Frozen).SetProperty(w => w.FrozenReason, reason).SetProperty(w => w.FrozenAt, now)
            .SetProperty(w => w.Version, w => w.Version + 1), ct);
        var cancelled = await stopper.CancelAsync(customerId, now, ct);
        await audit.WriteAsync(actor.ToString(), "wallet.frozen", "wallet:" + customerId, new { reason, cancelledWithdrawals = cancelled }, ct);
    }

    public async Task UnfreezeAsync(Guid customerId, string reason, Guid actor, CancellationToken ct = default)
    {
        await db.Wallets.Where(w => w.CustomerId == customerId).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, WalletStatus.Active).SetProperty(w => w.FrozenReason, (string?)null).SetProperty(w => w.FrozenAt, (DateTime?)null)
            .SetProperty(w => w.Version, w => w.Version + 1), ct);
        await audit.WriteAsync(actor.ToString(), "wallet.unfrozen", "wallet:" + customerId, new { reason }, ct);
    }
}
