using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Security.Auth;
using WalletCare.Security.Features;

namespace WalletCare.Server.Components;

/// <summary>Plain form posts behind the browser UI: sign-in sets the session cookie, language switch sets the culture cookie.</summary>
public static class UiEndpoints
{
    public static void MapUiEndpoints(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").ExcludeFromDescription();
        ui.MapPost("/login", LoginAsync).RequireRateLimiting(WalletCare.Security.SecurityModule.AuthRateLimit);
        ui.MapPost("/login/2fa", TwoFactorAsync).RequireRateLimiting(WalletCare.Security.SecurityModule.AuthRateLimit);
        // No form fields to bind, so minimal APIs would not check the token by themselves: a cross-site
        // page could otherwise sign a person out (issue #16).
        ui.MapPost("/logout", LogoutAsync);
        ui.MapGet("/culture", (string c, string? returnUrl, HttpContext http, TimeProvider time) =>
        {
            var culture = c == "en-US" ? "en-US" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            return Results.LocalRedirect(SafeLocal(returnUrl));
        });
    }

    private static async Task<IResult> LoginAsync([FromForm] string? login, [FromForm] string? password, [FromForm] string? returnUrl,
        SessionService sessions, HttpContext http, CancellationToken ct)
    {
        try
        {
            var r = await sessions.LoginAsync(login ?? "", password ?? "", "cookie", AuthEndpoints.ClientOf(http), ct);
            if (r.TwoFactorRequired)
                return Results.LocalRedirect($"/login/2fa?challenge={r.ChallengeId}&returnUrl={Uri.EscapeDataString(SafeLocal(returnUrl))}");
            return SignedIn(r, returnUrl, http);
        }
        catch (AppProblem p)
        {
            return Results.LocalRedirect($"/login?error={p.Code}&returnUrl={Uri.EscapeDataString(SafeLocal(returnUrl))}");
        }
    }

    private static async Task<IResult> TwoFactorAsync([FromForm] Guid? challenge, [FromForm] string? code, [FromForm] string? returnUrl,
        SessionService sessions, HttpContext http, CancellationToken ct)
    {
        try
        {
            if (challenge is not { } id) throw new AppProblem(WalletCare.Security.SecurityErrors.ChallengeInvalid);
            return SignedIn(await sessions.CompleteTwoFactorAsync(id, code, AuthEndpoints.ClientOf(http), ct), returnUrl, http);
        }
        catch (AppProblem p)
        {
            return Results.LocalRedirect($"/login/2fa?challenge={challenge}&error={p.Code}&returnUrl={Uri.EscapeDataString(SafeLocal(returnUrl))}");
        }
    }

    private static IResult SignedIn(LoginResult r, string? returnUrl, HttpContext http)
    {
        http.Response.Cookies.Append(SessionAuthenticationHandler.CookieName, r.Token!, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
            Expires = r.Session!.ExpiresAt,
        });
        var fallback = Roles.IsStaff(r.User.Role) ? "/console" : "/";
        return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || returnUrl == "/" ? fallback : SafeLocal(returnUrl));
    }

    private static async Task<IResult> LogoutAsync(SessionService sessions, CurrentUser user, HttpContext http,
        Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) throw new AppProblem(ErrorCodes.AntiforgeryFailed);
        if (user.SessionId is { } sid) await sessions.RevokeAsync(sid, user.UserId, ct);
        http.Response.Cookies.Delete(SessionAuthenticationHandler.CookieName);
        return Results.LocalRedirect("/login");
    }

    /// <summary>Only a path of this site: no scheme-relative "//host", no "/\\host", no control characters (a tab made Uri parsing throw).</summary>
    internal static string SafeLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
        && !url.Any(char.IsControl) ? url : "/";
}
