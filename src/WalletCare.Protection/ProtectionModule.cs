using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Persistence;
using WalletCare.Protection.Features;
using WalletCare.Protection.StepUp;

namespace WalletCare.Protection;

public static class ProtectionModule
{
    public static IServiceCollection AddProtectionModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleDbContext<ProtectionDbContext>("protection");
        services.AddErrorResources<Resources.ProtectionText>();
        services.Configure<ProtectionOptions>(config.GetSection("Protection"));
        services.AddScoped<AccountProtection>();
        services.AddScoped<IAccountProtection>(sp => sp.GetRequiredService<AccountProtection>());
        services.AddScoped<IStepUpProof, StepUpProof>();
        services.AddScoped<IStepUpGate, StepUpGate>();
        // The security area registers the real second factor before this; until then nobody has one.
        services.TryAddScoped<ISecondFactor, NoSecondFactor>();
        services.AddScoped<FreezeHandler>();
        services.AddScoped<EmergencyFreezeHandler>();
        services.AddScoped<ReportUnauthorizedHandler>();
        services.AddScoped<UnfreezeHandler>();
        services.AddScoped<StaffUnfreezeHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapProtectionModule(this IEndpointRouteBuilder app)
    {
        app.MapProtectionApi();
        return app;
    }
}
