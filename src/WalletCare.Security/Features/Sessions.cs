using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Paging;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

/// <summary>GET /api/v1/security, /sessions, /logins: the overview, the devices signed in, and the login history (cursor list).</summary>
public static class SecurityOverviewEndpoints
{
    public static async Task<Ok<SecurityCentre>> Overview(SecurityQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetCentreAsync(user.UserId, user.SessionId, ct));

    public static async Task<Ok<IReadOnlyList<DeviceSession>>> Sessions(SecurityQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListSessionsAsync(user.UserId, user.SessionId, ct));

    public static async Task<Ok<CursorPage<LoginHistoryItem>>> Logins(SecurityQueries queries, CurrentUser user, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListLoginsAsync(user.UserId, limit, cursor, ct));
}

/// <summary>Signing devices out: one session, or every session but this one. The next request with those tokens or cookies is 401.</summary>
public sealed class SignOutSessionsHandler(SecurityDbContext db, TimeProvider time, IAuditLog audit)
{
    public async Task SignOutOneAsync(Guid userId, Guid sessionId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Another user's session id is simply not found (404), never acted on.
        var n = await db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        if (n == 0) throw AppProblem.NotFound();
        await audit.WriteAsync(userId.ToString(), "auth.session_revoked", "session:" + sessionId, null, ct);
    }

    public async Task<int> SignOutOthersAsync(Guid userId, Guid? keep, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var n = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        await audit.WriteAsync(userId.ToString(), "auth.sessions_revoked", "user:" + userId, new { reason = "revoke_others", count = n }, ct);
        return n;
    }

    public static async Task<NoContent> DeleteEndpoint(Guid id, SignOutSessionsHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.SignOutOneAsync(user.UserId, id, ct);
        return TypedResults.NoContent();
    }

    public sealed record RevokedCount(int Revoked);

    public static async Task<Ok<RevokedCount>> RevokeOthersEndpoint(SignOutSessionsHandler handler, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new RevokedCount(await handler.SignOutOthersAsync(user.UserId, user.SessionId, ct)));
}
