using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Security.Auth;
using WalletCare.Security.Domain;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

public sealed record NotMeRequest(string? Token);
public sealed record NotMeResponse(bool Frozen, string? CaseNumber, int SessionsRevoked);

/// <summary>
/// POST /api/v1/security/not-me {token}: the "这不是我 / this wasn't me" link of a new-device alert. Works without a
/// session (the person may have lost it), once, within 24 h: freezes the wallet (account protection) and ends every session.
/// </summary>
public sealed class NotMeHandler(SecurityDbContext db, TimeProvider time, ISessionControl sessions, IAuditLog audit, IServiceProvider services)
{
    public async Task<NotMeResponse> HandleAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) throw new AppProblem(SecurityErrors.LinkInvalid);
        var now = time.GetUtcNow().UtcDateTime;
        var hash = SessionService.HashToken(token);
        var row = await db.OneTimeTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == TokenPurposes.NotMe && t.UsedAt == null && t.ExpiresAt > now, ct)
            ?? throw new AppProblem(SecurityErrors.LinkInvalid);
        // Single use even under a double click: only the request that marks it used goes on.
        if (await db.OneTimeTokens.Where(t => t.Id == row.Id && t.UsedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct) != 1)
            throw new AppProblem(SecurityErrors.LinkInvalid);
        await audit.WriteAsync(row.UserId.ToString(), "auth.not_me_link_used", "user:" + row.UserId, null, ct);
        // Account protection is its own area; until it is in the host the sessions still end.
        var protection = services.GetService<IAccountProtection>();
        var outcome = protection is null ? null : await protection.FreezeAsync(row.UserId, FreezeSources.NotMeLink, null, null, ct);
        var revoked = await sessions.RevokeAllAsync(row.UserId, FreezeSources.NotMeLink, row.UserId, ct);
        return new NotMeResponse(outcome is not null, outcome?.CaseNumber, revoked);
    }

    public static async Task<Ok<NotMeResponse>> Endpoint(NotMeRequest req, NotMeHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(req.Token, ct));
}
