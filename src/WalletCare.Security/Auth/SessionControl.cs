using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Auth;

/// <summary>Sessions as other areas may act on them: end them all (freeze, password reset), or look one up.</summary>
public sealed class SessionControl(SecurityDbContext db, TimeProvider time, IAuditLog audit) : ISessionControl
{
    public async Task<int> RevokeAllAsync(Guid userId, string reason, Guid actor, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // One UPDATE: the authentication handler validates every request against the row, so the very next
        // request with any of these tokens or cookies is refused.
        var n = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        await audit.WriteAsync(actor.ToString(), "auth.sessions_revoked", "user:" + userId, new { reason, count = n }, ct);
        return n;
    }

    public async Task<SessionContext?> GetSessionAsync(Guid sessionId, CancellationToken ct = default) =>
        await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new SessionContext(s.Id, s.UserId, s.Kind, s.CreatedAt, s.LastSeenAt, s.Ip, s.UserAgent, s.RevokedAt))
            .FirstOrDefaultAsync(ct);
}
