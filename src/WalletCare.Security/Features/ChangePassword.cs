using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Security.Domain;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>POST /api/v1/auth/password/change: needs the current password; every other session ends (ASVS V3.3.3).</summary>
public sealed class ChangePasswordHandler(SecurityDbContext db, IPasswordHasher<User> hasher, SignOutSessionsHandler signOut, IAuditLog audit)
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static void CheckNew(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength || password.Length > MaxLength)
            throw AppProblem.Validation("newPassword", "field.password_weak");
    }

    public async Task HandleAsync(Guid userId, Guid? currentSession, ChangePasswordRequest req, CancellationToken ct)
    {
        CheckNew(req.NewPassword);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppProblem.NotFound();
        if (string.IsNullOrEmpty(req.CurrentPassword) || req.CurrentPassword.Length > 200
            || hasher.VerifyHashedPassword(user, user.PasswordHash, req.CurrentPassword) == PasswordVerificationResult.Failed)
            throw new AppProblem(SecurityErrors.CurrentPasswordWrong);
        if (req.CurrentPassword == req.NewPassword) throw AppProblem.Validation("newPassword", "field.password_same");
        user.PasswordHash = hasher.HashPassword(user, req.NewPassword!);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(userId.ToString(), "auth.password_changed", "user:" + userId, null, ct);
        await signOut.SignOutOthersAsync(userId, currentSession, ct);
    }

    public static async Task<NoContent> Endpoint(ChangePasswordRequest req, ChangePasswordHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user.UserId, user.SessionId, req, ct);
        return TypedResults.NoContent();
    }
}
