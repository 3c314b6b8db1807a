using Microsoft.EntityFrameworkCore;
using WalletCare.Security.Persistence;

namespace WalletCare.Security;

public sealed record LoginEventView(DateTime At, bool Success, string? Ip, string? UserAgent, string? Reason);
public sealed record SessionView(Guid Id, string Kind, DateTime CreatedAt, DateTime LastSeenAt, string? Ip, string? UserAgent);
public sealed record SecurityOverview(IReadOnlyList<LoginEventView> RecentLogins, IReadOnlyList<SessionView> ActiveSessions);

/// <summary>What the agent's customer 360 shows of a customer's security: sign-ins and devices.</summary>
public interface ISecurityQueries
{
    Task<SecurityOverview> GetOverviewAsync(Guid userId, int recent = 10, CancellationToken ct = default);
}

internal sealed class SecurityQueries(SecurityDbContext db, TimeProvider time) : ISecurityQueries
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
}
