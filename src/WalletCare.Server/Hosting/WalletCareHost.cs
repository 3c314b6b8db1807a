using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;
using WalletCare.Security;
using WalletCare.Wallet;
using WalletCare.Cases;
using WalletCare.Channels;
using WalletCare.Remedies;
using WalletCare.Protection;
using WalletCare.Notifications;
using WalletCare.Help;
using WalletCare.Server.Cli;
using WalletCare.Server.Components;

namespace WalletCare.Server.Hosting;

/// <summary>Composition root: every area plugs in here and nowhere else.</summary>
public static class WalletCareHost
{
    public const string MeterName = "WalletCare";

    public static WebApplicationBuilder AddWalletCare(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(config["http_ports"]))
            builder.WebHost.UseUrls("http://localhost:5080");
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);

        services.AddPlatformModule(config);
        services.AddSecurityModule(config.GetValue("Security:LoginAttemptsPerMinute", 30), config.GetValue("Security:IdleTimeoutMinutes", 30));
        services.AddWalletModule();
        services.AddCasesModule();
        services.AddRemediesModule();
        services.AddProtectionModule(config);
        services.AddNotificationsModule();
        services.AddHelpModule();
        // After notifications: with Smtp:Host configured, channels' SMTP sender replaces the pickup-folder IEmailSender.
        services.AddChannelsModule(config, config.GetValue("WalletCare:Demo", false));
        // Areas register here (Wallet, Cases, ...).

        services.AddHostedService<StartupTasks>();
        services.AddCliVerbs();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi();
        // Amounts are JSON numbers: "amountMinor": "100" is a client bug to refuse, not to guess at (issue #16).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return builder;
    }

    public static WebApplication UseWalletCare(this WebApplication app)
    {
        // Behind a TLS-terminating proxy: the client's scheme and address come from X-Forwarded-*, so the
        // session cookie keeps Secure and lockout counts the real address (trusted proxies: loopback by default).
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<WalletCare.Platform.Http.SecurityHeaders>();
        // Culture first: the exception handler runs in the caller's async context and must see it.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBrowserErrorPages();
        app.UseStaticFiles();
        app.UseMiddleware<WalletCare.Platform.Http.RequestBodyLimits>();
        app.UseMiddleware<WalletCare.Platform.Idempotency.IdempotencyBuffering>();
        app.UseSecurityModule();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResultStatusCodes = { [HealthStatus.Unhealthy] = 503 } });
        // Diagnostics are open in demo mode (someone trying the product), staff-only otherwise unless
        // WalletCare:PublicDiagnostics says so (e.g. a scraper on a private network) — issue #16.
        var diagnostics = new IEndpointConventionBuilder[] { app.MapPrometheusScrapingEndpoint("/metrics"), app.MapOpenApi(), app.MapScalarApiReference("/scalar") };
        var settings = app.Services.GetRequiredService<WalletCareSettings>();
        if (!settings.Demo && !app.Configuration.GetValue("WalletCare:PublicDiagnostics", false))
            foreach (var d in diagnostics) d.RequireAuthorization(WalletCare.Platform.Http.Policies.Staff);
        app.MapSecurityModule();
        app.MapWalletModule(app.Services.GetRequiredService<WalletCareSettings>().Demo);
        app.MapCasesModule();
        app.MapRemediesModule();
        app.MapProtectionModule();
        app.MapNotificationsModule(settings.Demo);
        app.MapHelpModule();
        app.MapChannelsModule();
        // Areas map here.
        app.MapUiEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}

/// <summary>Applies migrations and, with --demo, seeds demo data before the server takes requests.</summary>
internal sealed class StartupTasks(IServiceProvider services, WalletCareSettings settings, ILogger<StartupTasks> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(ct);
        foreach (var init in scope.ServiceProvider.GetServices<IStartupInitializer>())
            await init.InitializeAsync(ct);
        if (settings.Demo)
        {
            await DemoData.SeedAsync(scope.ServiceProvider, ct);
            log.LogInformation("Demo data ready (demo password documented in README; demo only)");
        }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    /// <summary>JSON log lines are for machines; a person who just ran the README command gets one plain line.</summary>
    public Task StartedAsync(CancellationToken ct)
    {
        var addresses = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            var shown = addresses.Select(a => System.Text.RegularExpressions.Regex.Replace(a, @"//(\[::\]|0\.0\.0\.0|\+|\*)(?=:)", "//localhost"));
            Console.Out.WriteLine($"WalletCare listening on {string.Join(", ", shown)} (demo data: {(settings.Demo ? "yes" : "no")})");
        }
        return Task.CompletedTask;
    }
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class DemoData
{
    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        foreach (var s in sp.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            await s.SeedAsync(ct);
    }
}

internal sealed class DatabaseHealthCheck(PlatformDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
}
