using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Contracts;
using WalletCare.Security.Persistence;

namespace WalletCare.Security;

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
