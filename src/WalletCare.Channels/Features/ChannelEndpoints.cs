using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WalletCare.Platform.Http;

namespace WalletCare.Channels.Features;

/// <summary>Route table of the channels area. Inbound channels are anonymous and authenticated by their secret or signature.</summary>
public static class ChannelEndpoints
{
    /// <summary>A mail with attachments: the evidence limit for several files plus MIME encoding overhead.</summary>
    public const long MaxMailBytes = 40 * 1024 * 1024;

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        var inbound = app.MapGroup("/api/v1/channels").AllowAnonymous().WithTags("Channels");
        inbound.MapPost("/email/inbound", ReceiveEmail.Endpoint).WithMetadata(new RequestSizeLimitAttribute(MaxMailBytes));
        inbound.MapPost("/webhooks/{source}", ReceiveWebhook.Endpoint);
        inbound.MapPost("/cti", ReceiveCtiCall.Endpoint);

        var admin = app.MapGroup("/api/v1/admin/channel-sources").RequireAuthorization(Policies.Admin).WithTags("Channels");
        admin.MapGet("/", ManageSources.List);
        admin.MapPost("/", ManageSources.Create);
        admin.MapPost("/{name}/rotate", ManageSources.Rotate);

        var subs = app.MapGroup("/api/v1/admin/webhook-subscriptions").RequireAuthorization(Policies.Admin).WithTags("Channels");
        subs.MapGet("/", ManageSubscriptions.List);
        subs.MapPost("/", ManageSubscriptions.Create);
        var deliveries = app.MapGroup("/api/v1/agent/webhook-deliveries").RequireAuthorization(Policies.Staff).WithTags("Channels");
        deliveries.MapGet("/", WebhookDeliveryLog.List);
        deliveries.MapPost("/{id:guid}/replay", WebhookDeliveryLog.Replay).RequireAuthorization(Policies.Supervisor);

        var agent = app.MapGroup("/api/v1/agent/channel-items").RequireAuthorization(Policies.Staff).WithTags("Channels");
        agent.MapGet("/", ListChannelItems.Endpoint);
        agent.MapPost("/{id:guid}/match", MatchChannelItem.Endpoint);

        var callers = app.MapGroup("/api/v1/agent/customers").RequireAuthorization(Policies.Staff).WithTags("Hotline");
        callers.MapGet("/", FindCallers.Endpoint);
        callers.MapGet("/{id:guid}", GetCaller.Endpoint);
        callers.MapPost("/{id:guid}/cases", OpenCaseForCaller.Endpoint);
        app.MapPost("/api/v1/agent/tickets/{id:guid}/calls", LogCall.Endpoint).RequireAuthorization(Policies.Staff).WithTags("Hotline");
        return app;
    }
}
