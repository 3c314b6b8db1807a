using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

/// <summary>The staff side: the route table. Each handler lives in its own file; remedies and approvals are mapped by the Remedies area.</summary>
public static class AgentEndpoints
{
    public static void MapAgent(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/agent").RequireAuthorization(Policies.Staff).WithTags("Agent");
        g.MapGet("/queue", Queue.Endpoint);
        g.MapGet("/tickets/{id:guid}", GetTicket.Endpoint);
        g.MapPost("/tickets/{id:guid}/replies", Reply.Endpoint);
        g.MapPost("/tickets/{id:guid}/notes", AddNote.Endpoint);
        g.MapPost("/tickets/{id:guid}/assign", Assign.Endpoint);
        g.MapPost("/tickets/{id:guid}/auto-assign", Assign.AutoEndpoint);
        g.MapPost("/tickets/{id:guid}/status", ChangeStatus.Endpoint);
        g.MapPost("/tickets/{id:guid}/merge", Merge.Endpoint);
        g.MapPost("/tickets/{id:guid}/external-cases", AddExternalCase.Endpoint).RequireAuthorization(Policies.Compliance);
        g.MapPost("/tickets/{id:guid}/regulatory-extension", ExtendRegulatoryDeadline.Endpoint).RequireAuthorization(Policies.Supervisor);
        g.MapGet("/reviews", Reviews.Endpoint).RequireAuthorization(Policies.Supervisor);
        g.MapPost("/tickets/{id:guid}/review", RecordReview.Endpoint).RequireAuthorization(Policies.Supervisor);
        g.MapGet("/macros", ListMacros.Endpoint);
        g.MapGet("/tickets/{id:guid}/dossier", Dossier.StaffEndpoint);

        app.MapPut("/api/v1/admin/calendar/{date}", Calendar.EditEndpoint).RequireAuthorization(Policies.Supervisor).WithTags("Admin");
        app.MapGet("/api/v1/admin/calendar", Calendar.ListEndpoint).RequireAuthorization(Policies.Staff).WithTags("Admin");
    }
}
