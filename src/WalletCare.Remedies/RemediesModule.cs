using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddScoped<RemedyService>();
        services.AddScoped<WalletCare.Platform.Contracts.ICaseRemedies, CaseRemedies>();
        return services;
    }

    public static IEndpointRouteBuilder MapRemediesModule(this IEndpointRouteBuilder app)
    {
        app.MapRemedies();
        return app;
    }
}

internal sealed class CaseRemedies(RemediesDbContext db) : WalletCare.Platform.Contracts.ICaseRemedies
{
    public async Task<IReadOnlyList<WalletCare.Platform.Contracts.RemedySummary>> ListAsync(Guid caseId, CancellationToken ct = default) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Remedies.Where(r => r.CaseId == caseId).OrderBy(r => r.ProposedAt)
                .Select(r => new WalletCare.Platform.Contracts.RemedySummary(r.Id, r.Type, r.AmountMinor, r.Currency, r.State, r.ProposedAt, r.DecidedAt, r.WalletTransactionId, r.Reason)), ct);
}
