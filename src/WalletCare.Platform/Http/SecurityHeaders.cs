using Microsoft.AspNetCore.Http;

namespace WalletCare.Platform.Http;

/// <summary>
/// Response headers every page and API answer carries (issue #16): no framing anywhere (the approvals page
/// has one-click approve buttons), no MIME sniffing, no referrer leaking case ids to other sites, a
/// content security policy that allows only this origin (the UI has no inline script or style), and
/// `Cache-Control: no-store` on API answers so a shared cache or the browser's back button never keeps a
/// customer's wallet. The Scalar API reference loads its script from a CDN, so it gets no CSP.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!http.Request.Path.StartsWithSegments("/scalar")) h.ContentSecurityPolicy = ContentSecurityPolicy;
            if (http.Request.Path.StartsWithSegments("/api")) h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
