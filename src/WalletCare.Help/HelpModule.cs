using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Help.Features;
using WalletCare.Help.Search;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;

namespace WalletCare.Help;

public static class HelpModule
{
    public static IServiceCollection AddHelpModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<HelpDbContext>("help");
        services.AddErrorResources<Resources.HelpText>();
        // Per node: the in-memory index and when it was last compared with the database.
        services.AddSingleton<HelpSearchIndex>();
        services.AddSingleton<HelpIndexClock>();
        services.AddScoped<HelpSearch>();
        services.AddScoped<HelpQueries>();
        services.AddScoped<SearchArticlesHandler>();
        services.AddScoped<SaveArticleHandler>();
        services.AddScoped<VoteHandler>();
        services.AddScoped<Troubleshooting.Troubleshooters>();
        services.AddScoped<RunTroubleshooterHandler>();
        services.AddScoped<AnnouncementsHandler>();
        services.AddScoped<SuggestionsHandler>();
        services.AddSingleton<AgentSearchIndex>();
        services.AddScoped<AgentSearchHandler>();
        services.AddScoped<IStartupInitializer, ArticleSeeder>();
        services.AddScoped<ICliVerb, ReindexVerb>();
        return services;
    }

    public static IEndpointRouteBuilder MapHelpModule(this IEndpointRouteBuilder app)
    {
        app.MapHelp();
        return app;
    }
}
