using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Security.Domain;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Auth;

/// <summary>How long a session may sit unused before it ends (Security:IdleTimeoutMinutes, default 30).</summary>
public sealed record SessionSettings(TimeSpan IdleTimeout);

/// <summary>A finished sign-in (Token and Session set), or a password accepted that still needs the second factor (ChallengeId set).</summary>
public sealed record LoginResult(User User, string? Token, Session? Session, Guid? ChallengeId = null)
{
    public bool TwoFactorRequired => ChallengeId is not null;
}

public sealed record ClientInfo(string? Ip, string? UserAgent);

/// <summary>Sign-in, sessions and lockout. Unknown names and wrong passwords look identical from outside.</summary>
public sealed class SessionService(SecurityDbContext db, LoginGuard guard, SessionSettings sessionSettings, IPasswordHasher<User> hasher, TimeProvider time,
    IAuditLog audit, TwoFactor twoFactor, SecurityMessages messages)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);
    public const string SecondFactorPending = "second_factor_pending";
    // Verified against for unknown names so both paths cost one hash computation.
    private static readonly string DummyHash = new PasswordHasher<User>().HashPassword(null!, "not-a-real-password-" + Guid.NewGuid());

    public static string NormalizeLogin(string login) => login.Trim().ToLowerInvariant();
    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<LoginResult> LoginAsync(string login, string password, string kind, ClientInfo client, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password) || login.Length > 200 || password.Length > 200)
            throw AppProblem.Validation(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(login) || login.Length > 200 ? "login" : "password"] = ["field.required"],
            });
        var now = time.GetUtcNow().UtcDateTime;
        var key = NormalizeLogin(login);
        var addressKey = LoginGuard.AddressKey(key, client.Ip);
        if (await guard.TryTakeAsync(addressKey, LoginGuard.PerAddressAttempts, now, ct) is { } left)
            throw Locked(left);

        var user = await db.Users.FirstOrDefaultAsync(u => u.IsActive && (u.Phone == key || u.Email == key || u.UserName == key), ct);
        // Distributed guessing: a larger budget per name across addresses, except from an address the
        // owner has used before — so an attack from many addresses still cannot lock the owner out.
        if ((user is null || !await guard.KnownAddressAsync(user.Id, client.Ip, ct))
            && await guard.TryTakeAsync(LoginGuard.LoginKey(key), LoginGuard.PerLoginAttempts, now, ct) is { } wait)
            throw Locked(wait);
        var ok = user is not null
            ? hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed
            : hasher.VerifyHashedPassword(null!, DummyHash, password) is var _ && false;

        if (!ok)
        {
            db.LoginEvents.Add(new LoginEvent
            {
                UserId = user?.Id, Login = key, At = now, Success = false, Reason = "bad_credentials", Ip = client.Ip, UserAgent = Truncate(client.UserAgent),
            });
            await db.SaveChangesAsync(ct);
            if (await guard.LockedForAsync(addressKey, now, ct) is { } lockedFor)
            {
                await audit.WriteAsync("anonymous", "auth.locked", "login:" + key, new { client.Ip }, ct);
                throw Locked(lockedFor);
            }
            throw new AppProblem(ErrorCodes.InvalidCredentials);
        }

        await guard.ResetAsync(addressKey, ct);
        // Staff must use 2FA (SPEC §5): a staff account without an enrolled second factor does not sign in at all.
        if (Roles.IsStaff(user!.Role) && !user.TotpEnabled)
        {
            await audit.WriteAsync(user.Id.ToString(), "auth.staff_without_2fa_refused", "user:" + user.Id, new { client.Ip }, ct);
            throw new AppProblem(SecurityErrors.StaffTwoFactorNotEnrolled);
        }
        if (user.TotpEnabled)
        {
            // The password was right: remember the address as the owner's (LoginGuard.KnownAddressAsync), but no session yet.
            var challenge = new LoginChallenge
            {
                UserId = user.Id, SessionKind = kind, CreatedAt = now, ExpiresAt = now + ChallengeLifetime, Ip = client.Ip, UserAgent = Truncate(client.UserAgent),
            };
            db.LoginChallenges.Add(challenge);
            db.LoginEvents.Add(new LoginEvent
            {
                UserId = user.Id, Login = key, At = now, Success = false, Reason = SecondFactorPending, Ip = client.Ip, UserAgent = Truncate(client.UserAgent),
            });
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(user.Id.ToString(), "auth.password_ok_2fa_pending", "user:" + user.Id, new { kind, client.Ip }, ct);
            return new LoginResult(user, null, null, challenge.Id);
        }
        return await IssueAsync(user, key, kind, client, now, ct);
    }

    /// <summary>Second step of a sign-in with 2FA: the challenge from the password step and a TOTP or recovery code.</summary>
    public async Task<LoginResult> CompleteTwoFactorAsync(Guid challengeId, string? code, ClientInfo client, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var challenge = await db.LoginChallenges.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == challengeId && c.CompletedAt == null && c.ExpiresAt > now, ct)
            ?? throw new AppProblem(SecurityErrors.ChallengeInvalid);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == challenge.UserId && u.IsActive, ct) ?? throw new AppProblem(SecurityErrors.ChallengeInvalid);
        var login = user.UserName ?? user.Phone ?? user.Email ?? user.Id.ToString();
        if (!await twoFactor.VerifyGuardedAsync(user.Id, code, client.Ip, ct))
        {
            db.LoginEvents.Add(new LoginEvent
            {
                UserId = user.Id, Login = login, At = now, Success = false, Reason = "bad_second_factor", Ip = client.Ip, UserAgent = Truncate(client.UserAgent),
            });
            await db.SaveChangesAsync(ct);
            throw new AppProblem(SecurityErrors.CodeWrong);
        }
        // A challenge finishes once, even when two requests race with two valid codes.
        if (await db.LoginChallenges.Where(c => c.Id == challengeId && c.CompletedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.CompletedAt, now), ct) != 1)
            throw new AppProblem(SecurityErrors.ChallengeInvalid);
        return await IssueAsync(user, login, challenge.SessionKind, client, now, ct);
    }

    /// <summary>The session, its login-history row and, for a device never seen before, the alert — one SaveChanges.</summary>
    private async Task<LoginResult> IssueAsync(User user, string login, string kind, ClientInfo client, DateTime now, CancellationToken ct)
    {
        var deviceKey = Devices.KeyOf(client.UserAgent, client.Ip);
        var seenBefore = await db.LoginEvents.AsNoTracking().Where(e => e.UserId == user.Id && e.Success).Select(e => e.DeviceKey).Distinct().ToListAsync(ct);
        var newDevice = seenBefore.Count > 0 && !seenBefore.Contains(deviceKey);
        db.LoginEvents.Add(new LoginEvent
        {
            UserId = user.Id, Login = login, At = now, Success = true, Ip = client.Ip, UserAgent = Truncate(client.UserAgent),
            DeviceKey = deviceKey, NewDevice = newDevice,
        });
        if (newDevice) messages.NewDeviceAlert(user, Devices.Name(client.UserAgent), client.Ip, now);
        var (session, token) = NewSession(user.Id, kind, client, now);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.Id.ToString(), "auth.login", "user:" + user.Id, new { kind, client.Ip, newDevice }, ct);
        if (newDevice) await audit.WriteAsync("system", "auth.new_device_alert", "user:" + user.Id, new { device = Devices.Name(client.UserAgent), client.Ip }, ct);
        return new LoginResult(user, token, session);
    }

    internal static AppProblem Locked(TimeSpan left)
    {
        var minutes = (int)Math.Ceiling(left.TotalMinutes);
        return new AppProblem(ErrorCodes.AccountLocked, minutes)
        {
            Extensions = new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling(left.TotalSeconds) },
        };
    }

    private (Session, string) NewSession(Guid userId, string kind, ClientInfo client, DateTime now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new Session
        {
            UserId = userId, TokenHash = HashToken(token), Kind = kind, CreatedAt = now, LastSeenAt = now,
            ExpiresAt = now + SessionLifetime, Ip = client.Ip, UserAgent = Truncate(client.UserAgent),
        }, token);
    }

    public async Task<(Session Session, User User)?> ValidateAsync(string token, CancellationToken ct)
    {
        var hash = HashToken(token);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == hash && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Users.Where(u => u.IsActive), s => s.UserId, u => u.Id, (s, u) => new { s, u })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        // Idle timeout (ASVS V3.3.2): a session nobody used for this long is over, whatever its absolute expiry.
        if (now - row.s.LastSeenAt > sessionSettings.IdleTimeout) return null;
        if (now - row.s.LastSeenAt > TimeSpan.FromMinutes(1))
            await db.Sessions.Where(s => s.Id == row.s.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        return (row.s, row.u);
    }

    public async Task RevokeAsync(Guid sessionId, Guid actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        await audit.WriteAsync(actor.ToString(), "auth.logout", "session:" + sessionId, null, ct);
    }

    private static string? Truncate(string? s) => s is { Length: > 300 } ? s[..300] : s;
}
