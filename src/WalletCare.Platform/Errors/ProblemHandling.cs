using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace WalletCare.Platform.Errors;

/// <summary>A resource type whose keys are error codes ("CARD_EXPIRED", "CARD_EXPIRED.detail").</summary>
public sealed record ErrorResourceType(Type ResourceType);

/// <summary>Looks up localized text for error codes and field-error keys across every area's resources.</summary>
public sealed class ErrorText(IStringLocalizerFactory factory, IEnumerable<ErrorResourceType> types)
{
    private readonly IStringLocalizer[] _localizers = types.Select(t => factory.Create(t.ResourceType)).ToArray();

    public string? Find(string key, params object[] args)
    {
        foreach (var l in _localizers)
        {
            var s = args.Length == 0 ? l[key] : l[key, args];
            if (!s.ResourceNotFound) return s.Value;
        }
        return null;
    }

    public string Get(string key, params object[] args) => Find(key, args) ?? key;

    /// <summary>The text of a field error, with its arguments (see <see cref="FieldMessage"/>).</summary>
    public string Field(string message)
    {
        var (key, args) = FieldMessage.Parse(message);
        return Find(key, args) ?? key;
    }

    /// <summary>Title and the most useful detail (the first field error, else the code's detail) for showing on a page.</summary>
    public (string Title, string? Detail) Describe(AppProblem p)
    {
        var field = p.FieldErrors?.Values.SelectMany(v => v).FirstOrDefault();
        return (Get(p.Code), field is not null ? Field(field) : Find(p.Code + ".detail", p.Args));
    }
}

public static class ProblemHandlingExtensions
{
    public static IServiceCollection AddWalletCareProblems(this IServiceCollection services)
    {
        services.AddErrorResources<Resources.Errors>();
        services.AddScoped<ErrorText>();
        services.AddExceptionHandler<AppProblemExceptionHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var pd = ctx.ProblemDetails;
            var text = ctx.HttpContext.RequestServices.GetRequiredService<ErrorText>();
            if (!pd.Extensions.ContainsKey("code"))
            {
                var code = pd.Status switch
                {
                    400 when pd is HttpValidationProblemDetails => ErrorCodes.ValidationFailed,
                    400 => ErrorCodes.MalformedRequest,
                    401 => ErrorCodes.Unauthenticated,
                    403 => ErrorCodes.Forbidden,
                    404 => ErrorCodes.NotFound,
                    409 => ErrorCodes.Conflict,
                    422 => ErrorCodes.ValidationFailed,
                    413 => ErrorCodes.PayloadTooLarge,
                    415 => ErrorCodes.UnsupportedMediaType,
                    429 => ErrorCodes.TooManyRequests,
                    // Any other 4xx the framework answers (405, 411 …) is the client's request, not our fault.
                    >= 400 and < 500 => ErrorCodes.MalformedRequest,
                    _ => ErrorCodes.InternalError,
                };
                pd.Extensions["code"] = code.Code;
                pd.Title = text.Get(code);
            }
            pd.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        return services;
    }

    public static IServiceCollection AddErrorResources<T>(this IServiceCollection services)
    {
        services.AddSingleton(new ErrorResourceType(typeof(T)));
        return services;
    }

    /// <summary>Writes an <see cref="AppProblem"/> as problem details in the request's language.</summary>
    public static async Task WriteProblemAsync(this HttpContext http, AppProblem problem)
    {
        var text = http.RequestServices.GetRequiredService<ErrorText>();
        ProblemDetails pd = problem.FieldErrors is { Count: > 0 } fe
            ? new HttpValidationProblemDetails(fe.ToDictionary(k => k.Key, v => v.Value.Select(text.Field).ToArray()))
            : new ProblemDetails();
        pd.Status = problem.Status;
        pd.Title = text.Get(problem.Code);
        pd.Detail = text.Find(problem.Code + ".detail", problem.Args);
        pd.Type = "https://walletcare.local/problems/" + problem.Code.ToLowerInvariant().Replace('_', '-');
        pd.Extensions["code"] = problem.Code;
        if (problem.Extensions is not null)
            foreach (var (k, v) in problem.Extensions) pd.Extensions[k] = v;
        http.Response.StatusCode = problem.Status;
        if (problem.Extensions?.TryGetValue("retryAfterSeconds", out var ra) == true && ra is not null)
            http.Response.Headers.RetryAfter = Convert.ToString(ra, CultureInfo.InvariantCulture);
        var svc = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await svc.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd });
    }
}

internal sealed class AppProblemExceptionHandler(ILogger<AppProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            AppProblem p => p,
            BadHttpRequestException { InnerException: JsonException } => new AppProblem(ErrorCodes.MalformedRequest),
            BadHttpRequestException b => new AppProblem(b.StatusCode == 413 ? ErrorCodes.PayloadTooLarge : ErrorCodes.MalformedRequest),
            JsonException => new AppProblem(ErrorCodes.MalformedRequest),
            DbUpdateConcurrencyException => new AppProblem(ErrorCodes.ConcurrencyConflict),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled exception on {Path}", http.Request.Path);
            problem = new AppProblem(ErrorCodes.InternalError);
        }
        if (http.Response.HasStarted) return false;
        await http.WriteProblemAsync(problem);
        return true;
    }
}

internal static class CultureNames
{
    public static readonly CultureInfo ZhCn = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");
}
