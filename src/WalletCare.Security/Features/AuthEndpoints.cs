using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WalletCare.Security.Auth;

namespace WalletCare.Security.Features;

/// <summary>Sign-in and the security centre (SPEC §5): the route table. Each use case lives in its own file.</summary>
public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", Login.Endpoint).RequireRateLimiting(SecurityModule.AuthRateLimit).AllowAnonymous();
        auth.MapPost("/login/2fa", TwoFactorLogin.Endpoint).RequireRateLimiting(SecurityModule.AuthRateLimit).AllowAnonymous();
        auth.MapPost("/logout", Me.Logout).RequireAuthorization();
        auth.MapPost("/password/change", ChangePasswordHandler.Endpoint).RequireAuthorization().RequireRateLimiting(SecurityModule.AuthRateLimit);
        auth.MapPost("/password/reset/request", ResetPasswordHandler.RequestEndpoint).RequireRateLimiting(SecurityModule.AuthRateLimit).AllowAnonymous();
        auth.MapPost("/password/reset", ResetPasswordHandler.ResetEndpoint).RequireRateLimiting(SecurityModule.AuthRateLimit).AllowAnonymous();
        app.MapGet("/api/v1/me", Me.Endpoint).RequireAuthorization().WithTags("Auth");
        app.MapGet("/api/v1/me/export", ExportPersonalDataHandler.Endpoint).RequireAuthorization(Platform.Http.Policies.Customer).WithTags("Auth");

        var sec = app.MapGroup("/api/v1/security").RequireAuthorization().WithTags("Security");
        sec.MapPost("/2fa/setup", TwoFactorEnrolment.Setup);
        sec.MapPost("/2fa/enable", TwoFactorEnrolment.Enable).RequireRateLimiting(SecurityModule.AuthRateLimit);
        sec.MapPost("/2fa/disable", TwoFactorEnrolment.Disable).RequireRateLimiting(SecurityModule.AuthRateLimit);
        sec.MapGet("/", SecurityOverviewEndpoints.Overview);
        sec.MapGet("/sessions", SecurityOverviewEndpoints.Sessions);
        sec.MapDelete("/sessions/{id:guid}", SignOutSessionsHandler.DeleteEndpoint);
        sec.MapPost("/sessions/revoke-others", SignOutSessionsHandler.RevokeOthersEndpoint);
        sec.MapGet("/logins", SecurityOverviewEndpoints.Logins);
        // The alert's link works without a session: the person may have none left.
        app.MapPost("/api/v1/security/not-me", NotMeHandler.Endpoint).AllowAnonymous().RequireRateLimiting(SecurityModule.AuthRateLimit).WithTags("Security");
    }

    /// <summary>Kept for callers outside the area (the UI's form sign-in).</summary>
    public static ClientInfo ClientOf(HttpContext http) => ClientInfoOf.Http(http);
}
