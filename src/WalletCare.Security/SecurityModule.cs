using WalletCare.Platform.Contracts;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;
using WalletCare.Security.Auth;
using WalletCare.Security.Domain;
using WalletCare.Security.Features;
using WalletCare.Security.Persistence;

namespace WalletCare.Security;

public static class SecurityModule
{
    public const string AuthRateLimit = "auth";

    public static IServiceCollection AddSecurityModule(this IServiceCollection services, int loginAttemptsPerMinute = 30, int idleTimeoutMinutes = 30)
    {
        services.AddSingleton(new SessionSettings(TimeSpan.FromMinutes(idleTimeoutMinutes)));
        services.AddModuleDbContext<SecurityDbContext>("security");
        services.AddErrorResources<Resources.SecurityText>();
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<SessionService>();
        services.AddScoped<LoginGuard>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<ISecondFactor>(sp => sp.GetRequiredService<TwoFactor>());
        services.AddScoped<SecurityMessages>();
        services.AddScoped<SignOutSessionsHandler>();
        services.AddScoped<NotMeHandler>();
        services.AddScoped<ChangePasswordHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<ExportPersonalDataHandler>();
        services.AddScoped<IPersonalDataSource, SecurityPersonalData>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<SecurityQueries>();
        services.AddScoped<ISecurityQueries>(sp => sp.GetRequiredService<SecurityQueries>());
        services.AddScoped<ISessionControl, Auth.SessionControl>();
        services.AddScoped<Features.AdminQueries>();
        services.AddScoped<IDemoSeeder, SecurityDemoSeeder>();
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Customer, p => p.RequireRole(Roles.Customer))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Compliance, Roles.Admin))
            .AddPolicy(Policies.Supervisor, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Compliance, p => p.RequireRole(Roles.Compliance, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = 429;
            // Per client address: slows password spraying across many names; lockout covers one name.
            o.AddPolicy(AuthRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var ra) ? (int)Math.Ceiling(ra.TotalSeconds) : 60;
                ctx.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await ctx.HttpContext.WriteProblemAsync(new AppProblem(ErrorCodes.TooManyRequests));
            };
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityModule(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryForCookies>();
        return app;
    }

    public static IEndpointRouteBuilder MapSecurityModule(this IEndpointRouteBuilder app)
    {
        app.MapAuth();
        app.MapAdmin();
        return app;
    }
}
