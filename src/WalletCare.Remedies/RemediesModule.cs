using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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
        services.AddScoped<ICaseRemedies, CaseRemedies>();
        services.AddHostedService<RemedyJobsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRemediesModule(this IEndpointRouteBuilder app)
    {
        app.MapRemedies();
        return app;
    }
}

internal sealed class CaseRemedies(RemediesDbContext db) : ICaseRemedies
{
    public async Task<IReadOnlyList<RemedySummary>> ListAsync(Guid caseId, bool customerView = false, CancellationToken ct = default)
    {
        var q = db.Remedies.AsNoTracking().Where(r => r.CaseId == caseId);
        if (customerView) q = q.Where(r => r.State == RemedyStates.Executed || r.State == RemedyStates.Reversed);
        return await q.OrderBy(r => r.ProposedAt)
            .Select(r => new RemedySummary(r.Id, r.Type, r.AmountMinor, r.Currency, r.State, r.ProposedAt, r.DecidedAt, r.WalletTransactionId,
                customerView ? null : r.Reason))
            .ToListAsync(ct);
    }
}
