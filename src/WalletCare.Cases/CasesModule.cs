using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Evidence;
using WalletCare.Cases.Features;
using WalletCare.Cases.Sla;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;

namespace WalletCare.Cases;

public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<CasesDbContext>("cases");
        services.AddErrorResources<Resources.CaseText>();
        services.AddSingleton(new SlaPolicies());
        services.AddSingleton(new PriorityRules());
        services.AddSingleton<SlaEngine>();
        services.AddSingleton<Presence>();
        services.AddSingleton(sp => new EvidenceStore(Path.Combine(sp.GetRequiredService<DatabaseSettings>().DataDirectory, EvidenceStore.FolderName),
            sp.GetRequiredService<ILogger<EvidenceStore>>()));
        services.AddScoped<IBusinessCalendarProvider, Calendar.EditableCalendarProvider>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseReader>();
        services.AddScoped<EvidenceUpload>();
        services.AddScoped<SurveyService>();
        services.AddScoped<DossierBuilder>();
        services.AddScoped<TicketReader>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<SlaSweeper>();
        services.AddScoped<CaseMaintenance>();
        services.AddScoped<ICaseDirectory, CaseDirectory>();
        services.AddScoped<IDemoSeeder, CasesDemoSeeder>();
        services.AddHostedService<SlaSweeperService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCasesModule(this IEndpointRouteBuilder app)
    {
        app.MapComplaints();
        app.MapAgent();
        app.MapDossier();
        return app;
    }
}
