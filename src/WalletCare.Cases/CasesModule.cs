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
        services.AddScoped<CaseStore>();
        services.AddScoped<Notify.CaseNotices>();
        services.AddScoped<CasesQueries>();
        services.AddScoped<Timeline.TimelineRenderer>();
        services.AddScoped<EvidenceUpload>();
        services.AddScoped<DossierBuilder>();
        // One handler per use case (Features/*.cs); pages inject these, the API maps their endpoints.
        services.AddScoped<FileComplaintHandler>();
        services.AddScoped<AddCustomerMessageHandler>();
        services.AddScoped<EscalateHandler>();
        services.AddScoped<ReopenHandler>();
        services.AddScoped<CancelHandler>();
        services.AddScoped<SubmitSurveyHandler>();
        services.AddScoped<ReplyHandler>();
        services.AddScoped<AddNoteHandler>();
        services.AddScoped<AssignHandler>();
        services.AddScoped<ChangeStatusHandler>();
        services.AddScoped<MergeHandler>();
        services.AddScoped<RecordReviewHandler>();
        services.AddScoped<UploadEvidenceHandler>();
        services.AddScoped<SlaSweeper>();
        services.AddScoped<CaseMaintenance>();
        services.AddScoped<ICaseDirectory, CaseDirectory>();
        services.AddScoped<ICaseIntake, CaseIntake>();
        services.AddSingleton<CaseNumbers>();
        services.AddScoped<ICaseSearchFeed, CaseSearchFeed>();
        services.AddScoped<IDemoSeeder, CasesDemoSeeder>();
        services.AddHostedService<SlaSweeperService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCasesModule(this IEndpointRouteBuilder app)
    {
        app.MapComplaints();
        app.MapAgent();
        return app;
    }
}
