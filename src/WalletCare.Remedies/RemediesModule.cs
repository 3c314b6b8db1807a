using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Persistence;
using WalletCare.Remedies.Domain;
using WalletCare.Remedies.Features;

namespace WalletCare.Remedies;

public static class RemediesModule
{
    public static IServiceCollection AddRemediesModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<RemediesDbContext>("remedies");
        services.AddErrorResources<Resources.RemedyText>();
        services.AddSingleton(new RemedyLimits());
        services.AddScoped<ProposeRemedyHandler>();
        services.AddScoped<ApproveRemedyHandler>();
        services.AddScoped<RejectRemedyHandler>();
        services.AddScoped<DecideClaimHandler>();
        services.AddScoped<RemedyExecutor>();
        services.AddScoped<RemedyJobs>();
        services.AddScoped<RemediesQueries>();
        services.AddScoped<ICaseRemedies>(sp => sp.GetRequiredService<RemediesQueries>());
        services.AddHostedService<RemedyJobsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRemediesModule(this IEndpointRouteBuilder app)
    {
        app.MapRemedies();
        return app;
    }
}
