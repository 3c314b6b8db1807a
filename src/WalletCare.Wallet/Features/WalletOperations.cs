using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Errors;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet.Features;

/// <summary>
/// The mechanics every money use case shares, written once: idempotent replay, the save that loses a key
/// race gracefully, the one ordered lock of all accounts an operation touches, and the limit checks.
/// Each movement is one balanced ledger posting inside one database transaction; each row carries the
/// client's idempotency key (unique per customer), so a replay finds the first result instead of moving money again.
/// Public only so the public handlers can take it from DI; every member is internal to the wallet.
/// </summary>
public sealed class WalletOperations(WalletDbContext db, LedgerService ledger, WalletLimits limits, TimeProvider time)
{
    internal DateTime Now => time.GetUtcNow().UtcDateTime;

    internal static string Hash(params object?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))));

    internal static string CardLabel(Card card) => $"{card.Bank} {card.Brand} ****{card.Last4}";

    internal static void RequirePositive(long amount)
    {
        if (amount <= 0) throw AppProblem.Validation("amountMinor", "field.amount_positive");
        if (amount > 100_000_000_00) throw AppProblem.Validation("amountMinor", "field.invalid");
    }

    internal static void RequireNotFrozen(Domain.Wallet w)
    {
        if (w.Status != WalletStatus.Active) throw new AppProblem(WalletErrors.WalletFrozen);
    }

    /// <summary>The first result for this key, or null; the same key with a different request is refused.</summary>
    internal async Task<WalletTransaction?> ExistingAsync(Guid customerId, string key, string hash, CancellationToken ct)
    {
        var t = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(x => x.CustomerId == customerId && x.IdempotencyKey == key, ct);
        if (t is not null && t.RequestHash != hash) throw new AppProblem(ErrorCodes.IdempotencyKeyReused);
        return t;
    }

    internal async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the same idempotency key won a race: the caller returns the winner's row
            return false;
        }
    }

    /// <summary>
    /// Locks the wallet's ledger account together with every other account the operation will touch
    /// (one ordered lock, so two operations never wait on each other in a cycle — issue #9), then reads
    /// the wallet, so its status and the limit and balance checks see what is committed.
    /// </summary>
    internal async Task<Domain.Wallet> WalletForUpdateAsync(Guid customerId, CancellationToken ct, params Guid[] alsoLock)
    {
        var account = await db.Wallets.AsNoTracking().Where(x => x.CustomerId == customerId).Select(x => (Guid?)x.LedgerAccountId).FirstOrDefaultAsync(ct)
            ?? throw new AppProblem(WalletErrors.WalletNotFound);
        await ledger.LockAsync([account, .. alsoLock], ct);
        return await db.Wallets.AsNoTracking().FirstAsync(x => x.CustomerId == customerId, ct);
    }

    internal async Task<Card> ActiveCardAsync(Guid customerId, Guid cardId, CancellationToken ct) =>
        await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId && c.CustomerId == customerId && c.Active, ct)
        ?? throw new AppProblem(WalletErrors.CardNotBound);

    /// <summary>Outgoing limits by KYC level; pending and unknown transactions count, as their money may already be gone (<see cref="WalletUsage"/>).</summary>
    internal async Task RequireWithinLimitsAsync(Domain.Wallet w, long amount, CancellationToken ct, DateTime? at = null)
    {
        var l = limits.For(w.KycLevel);
        if (l.PerTransactionMinor == 0) throw new AppProblem(WalletErrors.KycRequired);
        if (amount > l.PerTransactionMinor) throw new AppProblem(WalletErrors.TransactionLimitExceeded, l.PerTransactionMinor / 100);
        // Two rows by key instead of summing the period's transactions; the wallet lock taken before this check
        // serialises the customer's outgoing operations, so no other one moves these totals in between.
        var when = at ?? Now;
        string day = WalletUsage.Day(when), monthKey = WalletUsage.Month(when);
        var used = await db.Usage.AsNoTracking().Where(u => u.CustomerId == w.CustomerId && (u.Period == day || u.Period == monthKey))
            .ToDictionaryAsync(u => u.Period, u => u.OutgoingMinor, ct);
        var today = used.GetValueOrDefault(day);
        if (today + amount > l.DailyMinor) throw new AppProblem(WalletErrors.DailyLimitExceeded, l.DailyMinor / 100);
        var month = used.GetValueOrDefault(monthKey);
        if (month + amount > l.MonthlyMinor) throw new AppProblem(WalletErrors.MonthlyLimitExceeded, l.MonthlyMinor / 100);
    }
}
