using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Persistence;

namespace WalletCare.Platform.Modules;

/// <summary>Seeds an area's demo data. Must be idempotent: running twice adds nothing twice.</summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first (Security 10, Wallet 20, Cases 30 ...).</summary>
    int Order { get; }
    Task SeedAsync(CancellationToken ct);
}

/// <summary>Settings of the WalletCare section that areas read.</summary>
public sealed class WalletCareSettings
{
    public bool Demo { get; set; }
    /// <summary>Periodic jobs (sweepers, settlement). Tests turn them off and call the work methods directly.</summary>
    public bool BackgroundJobs { get; set; } = true;
    public string DataDirectory { get; set; } = "data";
}

public static class PlatformModule
{
    public static readonly CultureInfo[] SupportedCultures = [CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en-US")];

    public static IServiceCollection AddPlatformModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(DatabaseSettings.From(config));
        services.AddSingleton(new WalletCareSettings
        {
            Demo = config.GetValue<bool>("WalletCare:Demo"),
            BackgroundJobs = config.GetValue("WalletCare:BackgroundJobs", true),
            DataDirectory = DatabaseSettings.From(config).DataDirectory,
        });
        services.AddModuleDbContext<PlatformDbContext>("platform");
        services.AddScoped<Migrator>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddHostedService<AuditChainJob>();
        services.AddScoped<IJobLeases, JobLeases>();
        // Areas may replace this with one that applies supervisor edits (Cases does).
        services.AddLocalization();
        services.AddWalletCareProblems();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // Query (?culture=) and the language-switch cookie first, then Accept-Language
            // mapped by language so "en", "en-GB" → en-US and "zh", "zh-Hans" → zh-CN.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(ctx => Task.FromResult(FromAcceptLanguage(ctx))),
            ];
        });
        return services;
    }

    private static ProviderCultureResult? FromAcceptLanguage(HttpContext ctx)
    {
        var header = ctx.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var lang in header.OrderByDescending(h => h.Quality ?? 1))
        {
            var v = lang.Value.ToString();
            if (v.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return new ProviderCultureResult("en-US");
            if (v.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return new ProviderCultureResult("zh-CN");
        }
        return null;
    }
}
