using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WalletCare.Platform.Http;
using WalletCare.Protection.Features;

namespace WalletCare.Protection;

/// <summary>Account protection's route table (SPEC §5). Each handler lives in its feature file.</summary>
public static class ProtectionEndpoints
{
    public static void MapProtectionApi(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/api/v1").RequireAuthorization(Policies.Customer).WithTags("Protection");
        customer.MapPost("/security/freeze", FreezeHandler.Endpoint);
        customer.MapPost("/security/unfreeze", UnfreezeHandler.Endpoint);
        customer.MapPost("/wallet/transactions/{id:guid}/report-unauthorized", ReportUnauthorizedHandler.Endpoint);

        // No session: the phone is lost. Answers never say whether the number is a customer's.
        var anonymous = app.MapGroup("/api/v1/security/emergency-freeze").AllowAnonymous().WithTags("Protection");
        anonymous.MapPost("/code", EmergencyFreezeHandler.CodeEndpoint);
        anonymous.MapPost("/", EmergencyFreezeHandler.FreezeEndpoint);

        var staff = app.MapGroup("/api/v1/agent/unfreeze-requests").RequireAuthorization(Policies.Staff).WithTags("Protection");
        staff.MapGet("/", StaffUnfreezeHandler.ListEndpoint);
        staff.MapPost("/", StaffUnfreezeHandler.CreateEndpoint);
        staff.MapPost("/{id:guid}/approve", StaffUnfreezeHandler.ApproveEndpoint).RequireAuthorization(Policies.Supervisor);
        staff.MapPost("/{id:guid}/reject", StaffUnfreezeHandler.RejectEndpoint).RequireAuthorization(Policies.Supervisor);
    }
}
