using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using QRCoder;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Security.Domain;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Auth;

public sealed record TwoFactorSetup(string Secret, string OtpauthUri, string QrSvg);

/// <summary>
/// TOTP (RFC 6238: SHA-1, 6 digits, 30 s) and one-time recovery codes. A TOTP code is accepted once per user:
/// the accepted time step is stored and only a later step passes (RFC 6238 §5.2), taken by one conditional
/// UPDATE so two concurrent requests with the same code cannot both win. Attempts spend a <see cref="LoginGuard"/>
/// budget like passwords: five per user and address, twenty per user, then 15 minutes locked (423).
/// </summary>
public sealed class TwoFactor(SecurityDbContext db, LoginGuard guard, TimeProvider time, IAuditLog audit) : ISecondFactor
{
    public const string Issuer = "WalletCare";
    public const int RecoveryCodeCount = 10;
    /// <summary>Demo staff are enrolled with this documented secret (SPEC §2); never used outside demo data.</summary>
    public const string DemoSecret = "WALLETCAREDEMOTOTPSECRET";

    public static string CurrentCode(string secret, DateTime now) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(now);

    public Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct = default) =>
        db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.TotpEnabled, ct);

    /// <summary>For other areas (unfreeze, step-up): no client address, so only the per-user budget applies.</summary>
    public async Task<bool> VerifyAsync(Guid userId, string code, CancellationToken ct = default) =>
        await VerifyGuardedAsync(userId, code, null, ct);

    /// <summary>Checks a TOTP or recovery code under the attempt budget; throws 423 when locked.</summary>
    public async Task<bool> VerifyGuardedAsync(Guid userId, string? code, string? ip, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var addressKey = LoginGuard.AddressKey("2fa:" + userId, ip);
        if (await guard.TryTakeAsync(addressKey, LoginGuard.PerAddressAttempts, now, ct) is { } left) throw SessionService.Locked(left);
        if (await guard.TryTakeAsync(LoginGuard.LoginKey("2fa:" + userId), LoginGuard.PerLoginAttempts, now, ct) is { } wait) throw SessionService.Locked(wait);
        var ok = await CheckCodeAsync(userId, code, now, ct);
        if (ok)
        {
            await guard.ResetAsync(addressKey, ct);
            return true;
        }
        await audit.WriteAsync(userId.ToString(), "auth.2fa_failed", "user:" + userId, new { ip }, ct);
        if (await guard.LockedForAsync(addressKey, now, ct) is { } lockedFor) throw SessionService.Locked(lockedFor);
        return false;
    }

    private async Task<bool> CheckCodeAsync(Guid userId, string? code, DateTime now, CancellationToken ct)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length == 0 || digits.Length > 40) return false;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.TotpEnabled, ct);
        if (user?.TotpSecret is null) return false;
        if (digits.Length == 6 && digits.All(char.IsAsciiDigit))
            return await AcceptTotpAsync(user.Id, user.TotpSecret, digits, now, ct);
        var hash = HashRecovery(digits);
        return await db.RecoveryCodes.Where(r => r.UserId == userId && r.CodeHash == hash && r.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), ct) == 1;
    }

    private async Task<bool> AcceptTotpAsync(Guid userId, string secret, string code, DateTime now, CancellationToken ct)
    {
        // One step either side tolerates clock drift between phone and server.
        if (!new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(now, code, out var step, new VerificationWindow(1, 1))) return false;
        return await db.Users.Where(u => u.Id == userId && (u.TotpLastStep == null || u.TotpLastStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.TotpLastStep, step), ct) == 1;
    }

    public async Task<TwoFactorSetup> SetupAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppProblem.NotFound();
        if (user.TotpEnabled) throw new AppProblem(SecurityErrors.TwoFactorAlreadyOn);
        var secret = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));
        user.TotpSecret = secret;
        user.TotpLastStep = null;
        await db.SaveChangesAsync(ct);
        return Describe(user, secret);
    }

    /// <summary>The enrolment started but not confirmed yet (a secret and no code), so a page can show the same QR again.</summary>
    public async Task<TwoFactorSetup?> PendingSetupAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && !u.TotpEnabled && u.TotpSecret != null, ct);
        return user is null ? null : Describe(user, user.TotpSecret!);
    }

    private static TwoFactorSetup Describe(User user, string secret)
    {
        var label = Uri.EscapeDataString(Issuer + ":" + (user.UserName ?? user.Phone ?? user.Email ?? user.Id.ToString()));
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={Issuer}&algorithm=SHA1&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new TwoFactorSetup(secret, uri, svg);
    }

    /// <summary>Turns 2FA on with the first code from the app; answers the ten recovery codes, shown this once.</summary>
    public async Task<IReadOnlyList<string>> EnableAsync(Guid userId, string? code, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppProblem.NotFound();
        if (user.TotpEnabled) throw new AppProblem(SecurityErrors.TwoFactorAlreadyOn);
        if (user.TotpSecret is null) throw new AppProblem(SecurityErrors.TwoFactorNotSetUp);
        var addressKey = LoginGuard.AddressKey("2fa:" + userId, null);
        if (await guard.TryTakeAsync(addressKey, LoginGuard.PerAddressAttempts, now, ct) is { } left) throw SessionService.Locked(left);
        if (code is not { Length: 6 } || !await AcceptTotpAsync(userId, user.TotpSecret, code, now, ct))
            throw AppProblem.Validation("code", "field.code_wrong");
        await guard.ResetAsync(addressKey, ct);
        var codes = await EnrolAsync(userId, now, ct);
        await audit.WriteAsync(userId.ToString(), "auth.2fa_enabled", "user:" + userId, null, ct);
        return codes;
    }

    /// <summary>Marks 2FA on and replaces the recovery codes (the demo seed calls this with the demo secret).</summary>
    public async Task<IReadOnlyList<string>> EnrolAsync(Guid userId, DateTime now, CancellationToken ct, string? secret = null)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        if (secret is not null) user.TotpSecret = secret;
        user.TotpEnabled = true;
        await db.RecoveryCodes.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => new RecoveryCode { UserId = userId, CodeHash = HashRecovery(c), CreatedAt = now }));
        await db.SaveChangesAsync(ct);
        return codes;
    }

    public async Task DisableAsync(Guid userId, string? code, string? ip, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppProblem.NotFound();
        // Staff must keep a second factor (SPEC §5).
        if (Roles.IsStaff(user.Role)) throw new AppProblem(SecurityErrors.TwoFactorRequiredForStaff);
        if (!user.TotpEnabled) throw new AppProblem(SecurityErrors.TwoFactorNotSetUp);
        if (!await VerifyGuardedAsync(userId, code, ip, ct)) throw AppProblem.Validation("code", "field.code_wrong");
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.TotpEnabled, false).SetProperty(x => x.TotpSecret, (string?)null).SetProperty(x => x.TotpLastStep, (long?)null), ct);
        await db.RecoveryCodes.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await audit.WriteAsync(userId.ToString(), "auth.2fa_disabled", "user:" + userId, null, ct);
    }

    // 10 characters of an unambiguous alphabet (~50 bits), shown as xxxxx-xxxxx.
    private static string NewRecoveryCode()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    private static string HashRecovery(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())));
}
