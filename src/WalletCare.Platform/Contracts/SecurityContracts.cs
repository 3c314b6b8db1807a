namespace WalletCare.Platform.Contracts;

// What the security area (users, sessions, second factor) offers the account-protection work
// (freeze, "not me", unfreeze, step-up). Implemented in WalletCare.Security.

/// <summary>The device and address a session signed in from, for the agent looking at an unauthorised transaction.</summary>
public sealed record SessionContext(Guid SessionId, Guid UserId, string Kind, DateTime CreatedAt, DateTime LastSeenAt, string? Ip, string? UserAgent, DateTime? RevokedAt);

public interface ISessionControl
{
    /// <summary>Ends every live session of the user (bearer tokens and cookies fail on their next request). Returns how many.</summary>
    Task<int> RevokeAllAsync(Guid userId, string reason, Guid actor, CancellationToken ct = default);
    Task<SessionContext?> GetSessionAsync(Guid sessionId, CancellationToken ct = default);
}

public interface ISecondFactor
{
    Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct = default);
    /// <summary>A TOTP or recovery code; each accepted once; attempts rate-limited and locked out like passwords.</summary>
    Task<bool> VerifyAsync(Guid userId, string code, CancellationToken ct = default);
}
