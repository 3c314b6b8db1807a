using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Security.Auth;

/// <summary>
/// One scheme for both doors: "Authorization: Bearer &lt;token&gt;" for API clients and the
/// HttpOnly <see cref="CookieName"/> cookie for the browser. Both point at a server-side session.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionService sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "WalletCareSession";
    public const string CookieName = "wc_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var viaCookie = false;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            token = header["Bearer ".Length..].Trim();
        else if (Request.Cookies.TryGetValue(CookieName, out var c) && !string.IsNullOrEmpty(c))
        {
            token = c;
            viaCookie = true;
        }
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();

        var found = await sessions.ValidateAsync(token, Context.RequestAborted);
        if (found is not { } f) return AuthenticateResult.Fail("invalid or expired session");
        var claims = new List<Claim>
        {
            new(WalletCareClaims.UserId, f.User.Id.ToString()),
            new(WalletCareClaims.SessionId, f.Session.Id.ToString()),
            new(WalletCareClaims.DisplayName, f.User.DisplayName),
            new(ClaimTypes.Name, f.User.UserName ?? f.User.Phone ?? f.User.Email ?? f.User.Id.ToString()),
            new(ClaimTypes.Role, f.User.Role),
        };
        if (viaCookie) claims.Add(new Claim(WalletCareClaims.ViaCookie, "1"));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsApi(Request)) await Context.WriteProblemAsync(new AppProblem(ErrorCodes.Unauthenticated));
        else Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (IsApi(Request)) await Context.WriteProblemAsync(AppProblem.Forbidden());
        else Response.Redirect("/forbidden");
    }

    public static bool IsApi(HttpRequest r) => r.Path.StartsWithSegments("/api");
}
