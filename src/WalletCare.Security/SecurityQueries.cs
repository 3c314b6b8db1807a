using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Paging;
using WalletCare.Security.Auth;
using WalletCare.Security.Persistence;

namespace WalletCare.Security;

public sealed record DeviceSession(Guid Id, string Device, string? Ip, DateTime FirstSeen, DateTime LastSeen, string Kind, bool Current);
/// <summary>Result: "success" | "failed" | "password_only" (the password was right, the second factor never came).</summary>
public sealed record LoginHistoryItem(Guid Id, DateTime Time, string? Ip, string Device, string Result, bool NewDevice);
public sealed record SecurityCentre(bool TwoFactorEnabled, bool Frozen, IReadOnlyList<DeviceSession> Sessions, IReadOnlyList<LoginHistoryItem> RecentLogins, int RecoveryCodesLeft);

/// <summary>The security area's read side, for the API, the 账户安全 page and the agent's customer 360 alike.</summary>
public sealed class SecurityQueries(SecurityDbContext db, TimeProvider time, IServiceProvider services) : ISecurityQueries
{
    public async Task<SecurityOverview> GetOverviewAsync(Guid userId, int recent = 10, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var logins = await db.LoginEvents.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.At).Take(recent)
            .Select(e => new LoginEventView(e.At, e.Success, e.Ip, e.UserAgent, e.Reason)).ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt).Take(20)
            .Select(s => new SessionView(s.Id, s.Kind, s.CreatedAt, s.LastSeenAt, s.Ip, s.UserAgent)).ToListAsync(ct);
        return new SecurityOverview(logins, sessions);
    }

    public async Task<SecurityCentre> GetCentreAsync(Guid userId, Guid? currentSession, CancellationToken ct)
    {
        var enabled = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TotpEnabled).FirstOrDefaultAsync(ct);
        var left = await db.RecoveryCodes.AsNoTracking().CountAsync(r => r.UserId == userId && r.UsedAt == null, ct);
        // The wallet area answers for customers only; staff have no wallet and are never "frozen" here.
        var wallet = services.GetService(typeof(IWalletQueries)) is IWalletQueries w ? await w.GetWalletAsync(userId, ct) : null;
        var logins = await ListLoginsAsync(userId, 10, null, ct);
        return new SecurityCentre(enabled, wallet?.Status == "frozen", await ListSessionsAsync(userId, currentSession, ct), logins.Items, enabled ? left : 0);
    }

    public async Task<IReadOnlyList<DeviceSession>> ListSessionsAsync(Guid userId, Guid? currentSession, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt).Take(50).ToListAsync(ct);
        return rows.Select(s => new DeviceSession(s.Id, Devices.Name(s.UserAgent), s.Ip, s.CreatedAt, s.LastSeenAt, s.Kind, s.Id == currentSession)).ToList();
    }

    public async Task<CursorPage<LoginHistoryItem>> ListLoginsAsync(Guid userId, int? limit, string? cursor, CancellationToken ct)
    {
        var page = await Keyset.PageAsync(db.LoginEvents.AsNoTracking().Where(e => e.UserId == userId), e => e.At, e => e.Id, true, limit, cursor,
            e => new { e.Id, e.At, e.Ip, e.UserAgent, e.Success, e.Reason, e.NewDevice }, r => (r.At, r.Id), ct);
        return new CursorPage<LoginHistoryItem>(page.Items.Select(e => new LoginHistoryItem(e.Id, e.At, e.Ip, Devices.Name(e.UserAgent),
            e.Success ? "success" : e.Reason == SessionService.SecondFactorPending ? "password_only" : "failed", e.NewDevice)).ToList(), page.NextCursor);
    }
}
