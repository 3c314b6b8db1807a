using Microsoft.EntityFrameworkCore;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet.Features;

/// <summary>
/// On a freeze, withdrawals still "pending" (held in the ledger, no answer from the bank recorded) are
/// cancelled: the hold is voided and the money is back in the wallet. "Unknown" ones are left alone: the
/// bank has the payout request and may already have paid, so only the query job can settle them.
/// Each is re-read under the wallet's lock, so a gateway answer applied meanwhile wins. A withdrawal younger than
/// <see cref="InFlight"/> is left too: its request may be talking to the bank right now, and voiding the hold under
/// it could pay out money the wallet has given back. (A process that dies after the bank took the payout leaves a
/// pending row this cannot tell apart; the simulator has no "never received" answer to ask for.)
/// </summary>
public sealed class StopPendingWithdrawals(WalletDbContext db, WalletOperations ops, LedgerService ledger)
{
    internal static readonly TimeSpan InFlight = TimeSpan.FromMinutes(1);

    internal async Task<int> CancelAsync(Guid customerId, DateTime when, CancellationToken ct)
    {
        var settledBefore = when - InFlight;
        var ids = await db.Transactions.AsNoTracking()
            .Where(t => t.CustomerId == customerId && t.Type == TxType.Withdrawal && t.Status == TxStatus.Pending && t.CreatedAt < settledBefore)
            .Select(t => t.Id).ToListAsync(ct);
        var cancelled = 0;
        foreach (var id in ids)
        {
            var gw = await ledger.SystemAccountAsync(LedgerService.Gateway, ct);
            await using var dbtx = await db.Database.BeginTransactionAsync(ct);
            await ops.WalletForUpdateAsync(customerId, ct, gw.Id);
            var tx = await db.Transactions.FirstAsync(t => t.Id == id, ct);
            if (tx.Status != TxStatus.Pending) continue;
            if (tx.PendingTransferId is { } hold) await ledger.VoidPendingAsync(hold, "void:" + tx.Id, when, ct);
            tx.Fail(WalletErrors.WalletFrozen.Code, when);
            await db.SaveChangesAsync(ct);
            await dbtx.CommitAsync(ct);
            cancelled++;
        }
        return cancelled;
    }
}
