using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Modules;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Features;
using WalletCare.Wallet.Gateway;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet.Jobs;

/// <summary>
/// Background work of the wallet: refunds to card that are due arrive; `unknown` gateway results are
/// resolved by asking the gateway (never by charging again). Each method is safe to run on several
/// nodes: it re-checks the row's state inside its own transaction.
/// </summary>
public sealed class WalletJobs(WalletDbContext db, WalletOperations ops, RefundPaymentHandler refunds, GatewayResultHandler results,
    LedgerService ledger, ICardGateway gateway, TimeProvider time)
{
    public async Task<int> SettleDueRefundsAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Transactions.AsNoTracking()
            .Where(t => t.Status == TxStatus.Pending && t.Type == TxType.Refund && t.SettleAt != null && t.SettleAt <= now)
            .OrderBy(t => t.SettleAt).Select(t => t.Id).Take(500).ToListAsync(ct);
        var n = 0;
        foreach (var id in due)
            if (await SettleRefundAsync(id, succeed: true, ct)) n++;
        return n;
    }

    /// <summary>
    /// Settles (or fails) one refund to card now. A bounced card refund returns the money to the wallet
    /// in the same database transaction as the bounce, so the fall-back can never be lost between the two.
    /// </summary>
    public async Task<bool> SettleRefundAsync(Guid txId, bool succeed, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var info = await db.Transactions.AsNoTracking().Where(t => t.Id == txId && t.Type == TxType.Refund)
            .Select(t => new { t.CustomerId, t.MerchantId, t.OriginalTransactionId }).FirstOrDefaultAsync(ct) ?? throw AppProblem.NotFound();
        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == info.MerchantId, ct);
        var gw = await ledger.SystemAccountAsync(LedgerService.Gateway, ct);
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        var w = await ops.WalletForUpdateAsync(info.CustomerId, ct, merchant.LedgerAccountId, gw.Id);
        var tx = await db.Transactions.FirstAsync(t => t.Id == txId, ct);
        if (tx.Status != TxStatus.Pending || tx.PendingTransferId is not { } hold) return false; // settled by another node
        if (succeed)
        {
            await ledger.CommitPendingAsync(hold, "commit:" + tx.Id, now, ct);
            tx.Succeed(now);
        }
        else
        {
            await ledger.VoidPendingAsync(hold, "void:" + tx.Id, now, ct);
            tx.Fail(WalletErrors.RefundFailed, now);
            await db.SaveChangesAsync(ct); // the failed refund no longer counts against what is left of the payment
            var payment = await db.Transactions.AsNoTracking().FirstAsync(t => t.Id == info.OriginalTransactionId, ct);
            var back = new RefundRequest(tx.AmountMinor, ToCard: false);
            await refunds.RefundLockedAsync(payment, merchant, w, gw, back, "fallback:" + tx.Id, RefundPaymentHandler.HashOf(payment.Id, back), now, ct);
        }
        await db.SaveChangesAsync(ct);
        await dbtx.CommitAsync(ct);
        return true;
    }

    public async Task<int> ResolveUnknownAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await db.Transactions.AsNoTracking()
            .Where(t => t.Status == TxStatus.Unknown || (t.Status == TxStatus.Pending && t.Type != TxType.Refund && t.CreatedAt < now.AddMinutes(-10)))
            .OrderBy(t => t.CreatedAt).Select(t => t.Id).Take(500).ToListAsync(ct);
        var n = 0;
        foreach (var id in ids)
        {
            var r = gateway.Query(id.ToString(), now);
            if (r.Outcome == GatewayOutcome.Timeout) continue;
            await results.ApplyAsync(id, r, now, ct);
            n++;
        }
        return n;
    }
}

/// <summary>Runs <see cref="WalletJobs"/> every 30 s on one node at a time (lease), on the injected clock.</summary>
internal sealed class WalletJobsService(IServiceProvider services, TimeProvider time, WalletCareSettings settings, ILogger<WalletJobsService> log)
    : PeriodicJob(services, time, settings, log)
{
    protected override string LeaseName => "wallet-jobs";

    protected override async Task RunOnceAsync(IServiceProvider scoped, CancellationToken ct)
    {
        var jobs = scoped.GetRequiredService<WalletJobs>();
        await jobs.SettleDueRefundsAsync(ct);
        await jobs.ResolveUnknownAsync(ct);
    }
}
