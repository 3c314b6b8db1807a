namespace WalletCare.Security.Domain;

/// <summary>One of ten one-time recovery codes; only its hash is stored.</summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>The half-finished sign-in between a correct password and the second factor.</summary>
public sealed class LoginChallenge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    /// <summary>"bearer" | "cookie": what the finished sign-in issues.</summary>
    public required string SessionKind { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>
/// A single-use secret sent to the customer: the "this wasn't me" link of a new-device alert, or a
/// password-reset code. Only its hash is stored; it expires and is marked used when redeemed.
/// </summary>
public sealed class OneTimeToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    /// <summary>"not_me" | "password_reset".</summary>
    public required string Purpose { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

public static class TokenPurposes
{
    public const string NotMe = "not_me";
    public const string PasswordReset = "password_reset";
}
