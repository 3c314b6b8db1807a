using WalletCare.Platform.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Security.Auth;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

public sealed record LoginRequest(string? Login, string? Password);
public sealed record LoginResponse(string AccessToken, DateTime ExpiresAt, string Role, string DisplayName);
public sealed record MeResponse(Guid Id, string DisplayName, string Role, string? UserName, string? PhoneMasked, string? EmailMasked, string Locale);

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/auth").WithTags("Auth");
        g.MapPost("/login", Login).RequireRateLimiting(SecurityModule.AuthRateLimit).AllowAnonymous();
        g.MapPost("/logout", Logout).RequireAuthorization();
        app.MapGet("/api/v1/me", Me).RequireAuthorization().WithTags("Auth");
    }

    private static async Task<Ok<LoginResponse>> Login(LoginRequest req, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var r = await sessions.LoginAsync(req.Login ?? "", req.Password ?? "", "bearer", ClientOf(http), ct);
        return TypedResults.Ok(new LoginResponse(r.Token, r.Session.ExpiresAt, r.User.Role, r.User.DisplayName));
    }

    private static async Task<NoContent> Logout(SessionService sessions, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (user.SessionId is { } sid) await sessions.RevokeAsync(sid, user.UserId, ct);
        http.Response.Cookies.Delete(SessionAuthenticationHandler.CookieName);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> Me(CurrentUser user, SecurityDbContext db, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == user.UserId, ct) ?? throw AppProblem.NotFound();
        return TypedResults.Ok(new MeResponse(u.Id, u.DisplayName, u.Role, u.UserName, Masking.Phone(u.Phone), Masking.Email(u.Email), u.Locale));
    }

    public static ClientInfo ClientOf(HttpContext http) =>
        new(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
}


