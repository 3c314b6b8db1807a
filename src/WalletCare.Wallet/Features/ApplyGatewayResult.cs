using Microsoft.EntityFrameworkCore;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Gateway;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet.Features;

/// <summary>
/// Records what the gateway said about a top-up or withdrawal: post (or commit the hold), fail (void the
/// hold), or leave unknown for the query job. Used by the requests themselves, the jobs and the simulator.
/// </summary>
public sealed class GatewayResultHandler(WalletDbContext db, WalletOperations ops, LedgerService ledger)
{
    public async Task<WalletTransaction> ApplyAsync(Guid txId, GatewayResult result, DateTime when, CancellationToken ct)
    {
        var customerId = await db.Transactions.Where(t => t.Id == txId).Select(t => t.CustomerId).FirstAsync(ct);
        var gw = await ledger.SystemAccountAsync(LedgerService.Gateway, ct);
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        // Every operation on this wallet serialises on its ledger account, so the status read after the
        // lock is the committed one: a request and the query job cannot both apply the answer.
        var w = await ops.WalletForUpdateAsync(customerId, ct, gw.Id);
        var tx = await db.Transactions.FirstAsync(t => t.Id == txId, ct);
        if (tx.Status is not (TxStatus.Pending or TxStatus.Unknown)) return tx; // already settled by someone else
        switch (result.Outcome)
        {
            case GatewayOutcome.Approved:
                if (tx.Type == TxType.Topup)
                {
                    await ledger.PostAsync([new TransferSpec(gw.Id, w.LedgerAccountId, tx.AmountMinor, TxType.Topup, "post:" + tx.Id, tx.Id)], when, ct);
                }
                else if (tx.PendingTransferId is { } hold)
                {
                    await ledger.CommitPendingAsync(hold, "commit:" + tx.Id, when, ct);
                }
                tx.Succeed(when);
                break;
            case GatewayOutcome.Declined:
                if (tx.PendingTransferId is { } h) await ledger.VoidPendingAsync(h, "void:" + tx.Id, when, ct);
                tx.Fail(result.Code, when);
                break;
            default:
                tx.MarkUnknown(WalletErrors.Timeout, when);
                break;
        }
        await db.SaveChangesAsync(ct);
        await dbtx.CommitAsync(ct);
        return tx;
    }
}
