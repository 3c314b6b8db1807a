using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WalletCare.Platform.Http;

namespace WalletCare.Help.Features;

/// <summary>The help centre's routes (SPEC §6). Reading published articles needs no sign-in: a locked-out customer needs help most.</summary>
public static class HelpEndpoints
{
    public static void MapHelp(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/help").AllowAnonymous().WithTags("Help");
        open.MapGet("/topics", ReadArticles.Topics);
        open.MapGet("/articles/{id:guid}", ReadArticles.Article);
        open.MapGet("/search", SearchArticles.Endpoint);
        open.MapGet("/troubleshooters", RunTroubleshooter.List);
        open.MapGet("/announcements", Announcements.List);

        var customer = app.MapGroup("/api/v1/help").RequireAuthorization().WithTags("Help");
        customer.MapPost("/articles/{id:guid}/votes", Vote.Endpoint);
        customer.MapGet("/suggestions", Suggestions.Endpoint);
        customer.MapPost("/suggestions/opened", Suggestions.Opened);

        var own = app.MapGroup("/api/v1/help/troubleshooters").RequireAuthorization(Policies.Customer).WithTags("Help");
        own.MapPost("/{key}/runs", RunTroubleshooter.Start);
        own.MapPost("/{key}/runs/{runId:guid}/outcome", RunTroubleshooter.Outcome);

        var staff = app.MapGroup("/api/v1/help").RequireAuthorization(Policies.Staff).WithTags("Help");
        staff.MapPost("/articles", SaveArticle.Create);
        staff.MapPut("/articles/{id:guid}", SaveArticle.Update);
        staff.MapGet("/drafts", ReadArticles.Drafts);
        app.MapGet("/api/v1/agent/search", AgentSearch.Endpoint).RequireAuthorization(Policies.Staff).WithTags("Help");

        var supervisor = app.MapGroup("/api/v1/help").RequireAuthorization(Policies.Supervisor).WithTags("Help");
        supervisor.MapGet("/search/misses", SearchArticles.Misses);
        supervisor.MapPost("/announcements", Announcements.Create);
    }
}
