namespace WalletCare.Platform.Contracts;

// The security area's public face: who a user is, and what the customer 360 shows of their sign-ins.
// Implemented in WalletCare.Security; other areas never read its tables.

public sealed record UserSummary(Guid Id, string DisplayName, string Role, string? UserName, string? Phone, string? Email, string Locale, string Skills);

/// <summary>What other areas may know about users. They never read the users table themselves.</summary>
public interface IUserDirectory
{
    Task<UserSummary?> GetAsync(Guid id, CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, UserSummary>> GetManyAsync(IEnumerable<Guid> ids, CancellationToken ct = default);
    /// <summary>By phone, email or user name (the same names that sign in).</summary>
    Task<UserSummary?> FindByLoginAsync(string login, CancellationToken ct = default);
    Task<IReadOnlyList<UserSummary>> ListByRoleAsync(string role, CancellationToken ct = default);
    Task<UserSummary> CreateAsync(NewUser user, CancellationToken ct = default);
}

public sealed record NewUser(string DisplayName, string Role, string Password, string? UserName = null, string? Phone = null, string? Email = null, string Locale = "zh-CN", string Skills = "");

public sealed record LoginEventView(DateTime At, bool Success, string? Ip, string? UserAgent, string? Reason);
public sealed record SessionView(Guid Id, string Kind, DateTime CreatedAt, DateTime LastSeenAt, string? Ip, string? UserAgent);
public sealed record SecurityOverview(IReadOnlyList<LoginEventView> RecentLogins, IReadOnlyList<SessionView> ActiveSessions);

/// <summary>What the agent's customer 360 shows of a customer's security: sign-ins and devices.</summary>
public interface ISecurityQueries
{
    Task<SecurityOverview> GetOverviewAsync(Guid userId, int recent = 10, CancellationToken ct = default);
}
