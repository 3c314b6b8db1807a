using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using WalletCare.Platform.Errors;

namespace WalletCare.Platform.Http;

public static class Roles
{
    public const string Customer = "customer";
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Compliance = "compliance";
    public const string Admin = "admin";

    public const string Staff = "agent,supervisor,compliance,admin";
    public static readonly string[] All = [Customer, Agent, Supervisor, Compliance, Admin];
    public static bool IsStaff(string role) => role is Agent or Supervisor or Compliance or Admin;
}

public static class WalletCareClaims
{
    public const string UserId = "wc:uid";
    public const string SessionId = "wc:sid";
    public const string DisplayName = "wc:name";
    public const string ViaCookie = "wc:cookie";
}

/// <summary>The signed-in user of this request, read from the session principal.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid? UserIdOrNull => Guid.TryParse(Principal.FindFirstValue(WalletCareClaims.UserId), out var id) ? id : null;
    public Guid UserId => UserIdOrNull ?? throw new AppProblem(ErrorCodes.Unauthenticated);
    public Guid? SessionId => Guid.TryParse(Principal.FindFirstValue(WalletCareClaims.SessionId), out var id) ? id : null;
    public string DisplayName => Principal.FindFirstValue(WalletCareClaims.DisplayName) ?? "";
    public string Role => Principal.FindFirstValue(ClaimTypes.Role) ?? "";
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool IsStaff => Roles.IsStaff(Role);

    /// <summary>Audit actor: the user id, or "anonymous".</summary>
    public string Actor => UserIdOrNull?.ToString() ?? "anonymous";
}
