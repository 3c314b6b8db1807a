namespace WalletCare.Security.Domain;

/// <summary>Anyone who signs in: customers (by phone or email) and staff (by user name).</summary>
public sealed class User
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string? UserName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public required string PasswordHash { get; set; }
    public string Locale { get; set; } = "zh-CN";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    /// <summary>Languages and skills used by round-robin assignment (staff only), comma separated.</summary>
    public string Skills { get; set; } = "";
    /// <summary>Base32 TOTP secret once 2FA is on (or while enrolment waits for its first code, with <see cref="TotpEnabled"/> false).</summary>
    public string? TotpSecret { get; set; }
    public bool TotpEnabled { get; set; }
    /// <summary>The last accepted TOTP time step: a code of this step or an earlier one is refused (RFC 6238 §5.2).</summary>
    public long? TotpLastStep { get; set; }
}

/// <summary>A server-side session behind a bearer token or the browser cookie. Only the token's hash is stored.</summary>
public sealed class Session
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }
    public required string Kind { get; set; } // "bearer" | "cookie"
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>Failed sign-ins counted per login name (not per user) so unknown names lock exactly like real ones.</summary>
public sealed class LoginThrottle
{
    public required string Login { get; set; }
    public int Failures { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class LoginEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }
    public required string Login { get; set; }
    public DateTime At { get; set; }
    public bool Success { get; set; }
    public string? Reason { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
    /// <summary>Device fingerprint (see <c>Devices.KeyOf</c>); set on successful sign-ins.</summary>
    public string? DeviceKey { get; set; }
    public bool NewDevice { get; set; }
}
