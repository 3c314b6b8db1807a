using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies;

/// <summary>
/// The daily auto-approval allowance of one proposer for one customer. Both statements run inside the
/// caller's transaction; the guarded relative UPDATE is the invariant (used + amount ≤ limit), enforced by
/// the database on SQLite and PostgreSQL alike, so concurrent proposals cannot both slip under it.
/// </summary>
internal static class Allowances
{
    public static string KeyFor(Guid proposer, Guid customer, DateTime atUtc) =>
        $"{proposer:N}:{customer:N}:{DateOnly.FromDateTime(BusinessCalendar.ToLocal(atUtc)):yyyy-MM-dd}";

    /// <summary>Takes <paramref name="amount"/> from the allowance when it fits; false means a checker must approve.</summary>
    public static async Task<bool> TryConsumeAsync(RemediesDbContext db, string key, long amount, long limit, CancellationToken ct)
    {
        await EnsureRowAsync(db, key, ct);
        var affected = await db.Database.ExecuteSqlRawAsync(
            "UPDATE remedy_allowances SET \"UsedMinor\" = \"UsedMinor\" + {1} WHERE \"Key\" = {0} AND \"UsedMinor\" + {1} <= {2}",
            [key, amount, limit], ct);
        return affected == 1;
    }

    /// <summary>A checker approved: the amount counts towards the proposer's day too, whatever the limit.</summary>
    public static async Task AddAsync(RemediesDbContext db, string key, long amount, CancellationToken ct)
    {
        await EnsureRowAsync(db, key, ct);
        await db.Database.ExecuteSqlRawAsync("UPDATE remedy_allowances SET \"UsedMinor\" = \"UsedMinor\" + {1} WHERE \"Key\" = {0}", [key, amount], ct);
    }

    private static Task<int> EnsureRowAsync(RemediesDbContext db, string key, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO remedy_allowances (\"Key\", \"UsedMinor\") VALUES ({0}, 0) ON CONFLICT (\"Key\") DO NOTHING", [key], ct);
}

/// <summary>What is left of a payment to refund, as far as the remedies area can see before posting.</summary>
internal static class RefundRemaining
{
    /// <summary>
    /// Refuses a refund remedy that is not for a succeeded payment, or larger than the payment minus what the
    /// wallet has refunded (merchant refunds, executed refund remedies) minus refund remedies still in flight
    /// on any case. The wallet checks again under its lock when posting: this check gives the early, clear answer.
    /// </summary>
    public static async Task RequireAsync(RemediesDbContext db, IWalletQueries wallet, Guid customerId, Guid paymentId, long amount,
        Guid? exceptRemedy, CancellationToken ct)
    {
        var tx = (await wallet.GetTransactionsAsync(customerId, [paymentId], ct)).FirstOrDefault();
        if (tx is null || tx.Type != "payment" || tx.Status != "succeeded") throw new AppProblem(RemedyErrors.RefundTargetInvalid);
        var refunded = await wallet.RefundedMinorAsync(customerId, paymentId, ct);
        var inFlight = await db.Remedies.AsNoTracking()
            .Where(r => r.Type == RemedyKinds.Refund && r.TransactionId == paymentId && r.Id != exceptRemedy
                && (r.State == RemedyStates.PendingApproval || r.State == RemedyStates.Approved))
            .SumAsync(r => (long?)r.AmountMinor, ct) ?? 0;
        var remaining = tx.AmountMinor - refunded - inFlight;
        if (amount > remaining)
            throw new AppProblem(RemedyPostingErrors.RefundExceedsRemaining, Platform.Money.Money.Cny(Math.Max(0, remaining)).Format());
    }
}
