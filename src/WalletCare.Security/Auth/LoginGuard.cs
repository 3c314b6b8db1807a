using Microsoft.EntityFrameworkCore;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Auth;

/// <summary>
/// Who may try a password now (OWASP ASVS V2.2). Attempts are counted per login name *and client
/// address*, so an anonymous attacker who guesses wrong five times locks out only their own address,
/// never the owner signing in from elsewhere (a name-only lockout let five anonymous requests lock the
/// only admin). A second, larger budget per login name across all addresses slows a distributed guess;
/// it is not applied from an address the account has already signed in from, so the owner still gets in.
/// A slot is taken *before* the password is checked, by one conditional UPDATE that the database
/// serialises, so 60 concurrent guesses get exactly the allowed number of password checks.
/// </summary>
public sealed class LoginGuard(SecurityDbContext db)
{
    public const int PerAddressAttempts = 5;
    public const int PerLoginAttempts = 20;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static string AddressKey(string login, string? ip) => login + "|" + (ip ?? "-");
    public static string LoginKey(string login) => login + "|*";

    /// <summary>Takes one attempt of the budget under <paramref name="key"/>; null when granted, else how long it stays locked.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string key, int budget, DateTime now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO login_throttles (\"Login\", \"Failures\", \"LockedUntil\", \"UpdatedAt\") VALUES ({0}, 0, NULL, {1}) ON CONFLICT DO NOTHING", [key, now], ct);
        // Granted when not locked, or when the lock has run out (the count then starts again at 1).
        // The attempt that uses up the budget is still granted, and locks the key for the next ones.
        var granted = await db.Database.ExecuteSqlRawAsync(
            "UPDATE login_throttles SET " +
            "\"Failures\" = CASE WHEN \"LockedUntil\" IS NOT NULL THEN 1 ELSE \"Failures\" + 1 END, " +
            "\"LockedUntil\" = CASE WHEN \"LockedUntil\" IS NULL AND \"Failures\" + 1 >= {2} THEN {3} " +
            "WHEN \"LockedUntil\" IS NOT NULL AND {2} <= 1 THEN {3} ELSE NULL END, " +
            "\"UpdatedAt\" = {1} " +
            "WHERE \"Login\" = {0} AND (\"LockedUntil\" IS NULL OR \"LockedUntil\" <= {1})", [key, now, budget, now + LockoutDuration], ct);
        if (granted == 1) return null;
        var until = await db.LoginThrottles.AsNoTracking().Where(t => t.Login == key).Select(t => t.LockedUntil).FirstOrDefaultAsync(ct);
        return until is { } u && u > now ? u - now : LockoutDuration;
    }

    /// <summary>How long the key stays locked, if it is (the failed attempt that used up the budget answers 423 at once).</summary>
    public async Task<TimeSpan?> LockedForAsync(string key, DateTime now, CancellationToken ct) =>
        await db.LoginThrottles.AsNoTracking().Where(t => t.Login == key).Select(t => t.LockedUntil).FirstOrDefaultAsync(ct) is { } u && u > now ? u - now : null;

    /// <summary>A correct password clears this address's count (not the per-login budget, which only time clears).</summary>
    public Task ResetAsync(string key, CancellationToken ct) =>
        db.LoginThrottles.Where(t => t.Login == key).ExecuteDeleteAsync(ct);

    /// <summary>Has this account signed in successfully from this address before? Then the per-login budget does not apply.</summary>
    public Task<bool> KnownAddressAsync(Guid userId, string? ip, CancellationToken ct) =>
        ip is null ? Task.FromResult(false) : db.LoginEvents.AsNoTracking().AnyAsync(e => e.UserId == userId && (e.Success || e.Reason == SessionService.SecondFactorPending) && e.Ip == ip, ct);
}
