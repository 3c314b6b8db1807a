using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Wallet.Domain;

namespace WalletCare.Wallet;

/// <summary>The wallet's answers for account protection: who made a transaction, and how much left today.</summary>
internal sealed class WalletForensics(WalletDbContext db, TimeProvider time) : IWalletForensics
{
    public async Task<TransactionOrigin?> GetOriginAsync(Guid customerId, Guid transactionId, CancellationToken ct = default)
    {
        var t = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == transactionId && x.CustomerId == customerId, ct);
        return t is null ? null : new TransactionOrigin(t.Id, t.CustomerId, t.Type, t.Status, t.AmountMinor, t.SessionId, t.ClientIp, t.CreatedAt);
    }

    public async Task<long> OutgoingTodayMinorAsync(Guid customerId, CancellationToken ct = default)
    {
        var dayStart = BusinessCalendar.ToUtc(BusinessCalendar.ToLocal(time.GetUtcNow().UtcDateTime).Date);
        string[] outgoing = [TxType.Payment, TxType.TransferOut, TxType.Withdrawal];
        string[] counting = [TxStatus.Succeeded, TxStatus.Pending, TxStatus.Unknown];
        return await db.Transactions.AsNoTracking()
            .Where(t => t.CustomerId == customerId && outgoing.Contains(t.Type) && counting.Contains(t.Status) && t.CreatedAt >= dayStart)
            .SumAsync(t => (long?)t.AmountMinor, ct) ?? 0;
    }
}
