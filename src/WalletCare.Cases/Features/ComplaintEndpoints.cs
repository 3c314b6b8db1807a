using WalletCare.Cases.Evidence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WalletCare.Platform.Http;
using WalletCare.Platform.Idempotency;

namespace WalletCare.Cases.Features;

/// <summary>The customer's side of complaints (SPEC §7): the route table. Each handler lives in its own file.</summary>
public static class ComplaintEndpoints
{
    public static void MapComplaints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/complaints").RequireAuthorization(Policies.Customer).WithTags("Complaints");
        g.MapPost("/", FileComplaint.Endpoint).WithIdempotency(required: false);
        g.MapGet("/", ListComplaints.Endpoint);
        g.MapGet("/{id:guid}", GetComplaint.Endpoint);
        g.MapPost("/{id:guid}/messages", AddCustomerMessage.Endpoint);
        g.MapPost("/{id:guid}/attachments", UploadEvidence.Endpoint).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceStore.MaxBytes + 1024 * 1024)); // the file plus multipart framing
        g.MapPost("/{id:guid}/escalate", Escalate.Endpoint);
        g.MapPost("/{id:guid}/reopen", Reopen.Endpoint);
        g.MapPost("/{id:guid}/cancel", Cancel.Endpoint);
        g.MapPost("/{id:guid}/survey", SubmitSurvey.Endpoint);
        g.MapGet("/{id:guid}/dossier", Dossier.CustomerEndpoint);
        // Outside the customer-only group: staff read evidence too; the handler decides per case.
        app.MapGet("/api/v1/complaints/{id:guid}/attachments/{attachmentId:guid}", DownloadEvidence.Endpoint)
            .RequireAuthorization().WithTags("Complaints");
    }
}
