using WalletCare.Platform.Errors;

namespace WalletCare.Server.Hosting;

/// <summary>
/// A person in a browser gets a page of the product for "not found" and errors, never problem JSON
/// (issue #17). API clients keep their RFC 9457 problem details: only GET/HEAD requests outside the API
/// and machine paths take this branch.
/// </summary>
internal static class BrowserErrorPages
{
    private static readonly string[] MachinePaths = ["/api", "/ui", "/healthz", "/metrics", "/openapi", "/scalar", "/hubs"];

    public static bool IsPageRequest(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && !MachinePaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Goes right after the JSON <c>UseStatusCodePages</c>. Not a <c>UseWhen</c> branch: WebApplication gives a
    /// branch its own, empty routing world, so a re-execute inside one never finds the status page.
    /// </summary>
    public static WebApplication UseBrowserErrorPages(this WebApplication app)
    {
        // A fresh scope for the status page, as the Blazor template does: the failed request's scoped
        // services (a DbContext mid-error) must not render it.
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseMiddleware<PageExceptionsToStatus>();
        return app;
    }
}

/// <summary>
/// Turns what a page throws into a bare status code, which the re-execute above renders as the status page:
/// another customer's complaint (404) looks exactly like one that does not exist.
/// </summary>
internal sealed class PageExceptionsToStatus(RequestDelegate next, ILogger<PageExceptionsToStatus> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!BrowserErrorPages.IsPageRequest(http))
        {
            // Only the re-execute's own feature is switched off: the outer JSON status pages still answer the API.
            if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            await next(http);
            return;
        }
        try
        {
            await next(http);
        }
        catch (AppProblem p) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            http.Response.StatusCode = p.Status is 404 or 403 or 410 ? p.Status : 400;
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            log.LogError(e, "Unhandled exception rendering page {Path}", http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = 500;
        }
    }
}
