using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Security.Auth;
using WalletCare.Security.Domain;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

public sealed record ResetRequestBody(string? Login);
public sealed record ResetPasswordBody(string? Login, string? Code, string? NewPassword);

/// <summary>
/// Password reset by a 6-digit code sent through the outbox (SMS, else e-mail), valid 10 minutes.
/// The request always answers 202, known name or not, and past its budget (3 per name, 10 per address per
/// 15 minutes) quietly sends nothing. Checking a code has its own attempt budget (423). A reset ends every session.
/// </summary>
public sealed class ResetPasswordHandler(SecurityDbContext db, LoginGuard guard, SecurityMessages messages, IPasswordHasher<User> hasher,
    ISessionControl sessions, TimeProvider time, IAuditLog audit)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public async Task RequestAsync(string? login, string? ip, CancellationToken ct)
    {
        // The same text rules as every other field (no control or bidi characters), before anything is counted.
        login = WalletCare.Platform.Validation.Text.Require(login, "login", 200);
        var now = time.GetUtcNow().UtcDateTime;
        var key = SessionService.NormalizeLogin(login);
        if (await guard.TryTakeAsync("reset-request|" + key, 3, now, ct) is not null) return;
        if (await guard.TryTakeAsync("reset-request-ip|" + (ip ?? "-"), 10, now, ct) is not null) return;
        var user = await db.Users.FirstOrDefaultAsync(u => u.IsActive && (u.Phone == key || u.Email == key || u.UserName == key), ct);
        if (user is null) return;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        // A new code replaces any earlier one.
        await db.OneTimeTokens.Where(t => t.UserId == user.Id && t.Purpose == TokenPurposes.PasswordReset && t.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct);
        db.OneTimeTokens.Add(new OneTimeToken
        {
            UserId = user.Id, Purpose = TokenPurposes.PasswordReset, TokenHash = CodeHash(user.Id, code), CreatedAt = now, ExpiresAt = now + CodeLifetime,
        });
        messages.ResetCode(user, code, now);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("anonymous", "auth.password_reset_requested", "user:" + user.Id, new { ip }, ct);
    }

    public async Task ResetAsync(ResetPasswordBody body, string? ip, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Login) || body.Login.Length > 200) throw AppProblem.Validation("login", "field.required");
        ChangePasswordHandler.CheckNew(body.NewPassword);
        var now = time.GetUtcNow().UtcDateTime;
        var key = SessionService.NormalizeLogin(body.Login);
        if (await guard.TryTakeAsync(LoginGuard.LoginKey("reset:" + key), LoginGuard.PerAddressAttempts, now, ct) is { } left) throw SessionService.Locked(left);
        var user = await db.Users.FirstOrDefaultAsync(u => u.IsActive && (u.Phone == key || u.Email == key || u.UserName == key), ct);
        var hash = user is null || body.Code is not { Length: 6 } ? null : CodeHash(user.Id, body.Code);
        var token = hash is null ? null : await db.OneTimeTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == TokenPurposes.PasswordReset && t.UsedAt == null && t.ExpiresAt > now, ct);
        if (token is null || await db.OneTimeTokens.Where(t => t.Id == token.Id && t.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct) != 1)
            throw new AppProblem(SecurityErrors.ResetCodeWrong);
        await guard.ResetAsync(LoginGuard.LoginKey("reset:" + key), ct);
        user!.PasswordHash = hasher.HashPassword(user, body.NewPassword!);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.Id.ToString(), "auth.password_reset", "user:" + user.Id, new { ip }, ct);
        await sessions.RevokeAllAsync(user.Id, "password_reset", user.Id, ct);
    }

    private static string CodeHash(Guid userId, string code) => SessionService.HashToken("reset:" + userId + ":" + code);

    public static async Task<Accepted> RequestEndpoint(ResetRequestBody body, ResetPasswordHandler handler, HttpContext http, CancellationToken ct)
    {
        await handler.RequestAsync(body.Login, ClientInfoOf.Http(http).Ip, ct);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ResetEndpoint(ResetPasswordBody body, ResetPasswordHandler handler, HttpContext http, CancellationToken ct)
    {
        await handler.ResetAsync(body, ClientInfoOf.Http(http).Ip, ct);
        return TypedResults.NoContent();
    }
}
