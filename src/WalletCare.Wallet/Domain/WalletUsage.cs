using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using WalletCare.Platform.Calendar;

namespace WalletCare.Wallet.Domain;

/// <summary>
/// A customer's outgoing total for one Shanghai day ("D2026-11-25") or month ("M2026-11"), kept running so a
/// limit check reads two rows instead of summing the period's transactions (issue #15). Maintained only by
/// <see cref="UsageLedger"/> from the change tracker, by relative increments, in the same transaction.
/// </summary>
public sealed class WalletUsage
{
    public Guid CustomerId { get; set; }
    public required string Period { get; set; }
    public long OutgoingMinor { get; set; }

    public static string Day(DateTime utc) => "D" + BusinessCalendar.ToLocal(utc).ToString("yyyy-MM-dd");
    public static string Month(DateTime utc) => "M" + BusinessCalendar.ToLocal(utc).ToString("yyyy-MM");
}

/// <summary>
/// Derives usage changes from what is about to be saved: an outgoing transaction starts counting when it is
/// added as pending, unknown or succeeded, and stops when it fails or is reversed. Every path that changes a
/// transaction's status through the entity is covered without the path knowing about usage.
/// </summary>
internal static class UsageLedger
{
    private static readonly HashSet<string> Outgoing = [TxType.Payment, TxType.TransferOut, TxType.Withdrawal];
    private static readonly HashSet<string> Counting = [TxStatus.Succeeded, TxStatus.Pending, TxStatus.Unknown];

    public static Dictionary<(Guid Customer, string Period), long> Deltas(ChangeTracker tracker)
    {
        var deltas = new Dictionary<(Guid, string), long>();
        foreach (var e in tracker.Entries<WalletTransaction>())
        {
            var tx = e.Entity;
            if (!Outgoing.Contains(tx.Type) || e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var before = e.State != EntityState.Added && Counting.Contains((string)e.OriginalValues[nameof(WalletTransaction.Status)]!);
            var after = e.State != EntityState.Deleted && Counting.Contains(tx.Status);
            if (before == after) continue;
            var delta = after ? tx.AmountMinor : -tx.AmountMinor;
            foreach (var period in new[] { WalletUsage.Day(tx.CreatedAt), WalletUsage.Month(tx.CreatedAt) })
                deltas[(tx.CustomerId, period)] = deltas.GetValueOrDefault((tx.CustomerId, period)) + delta;
        }
        return deltas;
    }

    public static async Task ApplyAsync(WalletDbContext db, Dictionary<(Guid Customer, string Period), long> deltas, CancellationToken ct)
    {
        foreach (var ((customer, period), delta) in deltas)
        {
            if (delta == 0) continue;
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO wallet_usage (\"CustomerId\", \"Period\", \"OutgoingMinor\") VALUES ({0}, {1}, {2}) " +
                "ON CONFLICT (\"CustomerId\", \"Period\") DO UPDATE SET \"OutgoingMinor\" = wallet_usage.\"OutgoingMinor\" + excluded.\"OutgoingMinor\"",
                [customer, period, delta], ct);
        }
    }
}
