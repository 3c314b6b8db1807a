using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Security.Auth;

/// <summary>
/// API writes authenticated by the browser cookie must carry the antiforgery token
/// (header "X-CSRF-TOKEN"); bearer-token clients are not exposed to CSRF and skip this.
/// </summary>
public sealed class AntiforgeryForCookies(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (SessionAuthenticationHandler.IsApi(http.Request)
            && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && http.User.HasClaim(c => c.Type == WalletCareClaims.ViaCookie)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            await http.WriteProblemAsync(new AppProblem(ErrorCodes.AntiforgeryFailed));
            return;
        }
        await next(http);
    }
}
