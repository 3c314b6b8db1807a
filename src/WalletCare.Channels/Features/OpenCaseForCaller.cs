using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Channels.Features;

public sealed record CallerCaseRequest(string? Category, string? Subject, string? Description, string? Channel, IReadOnlyList<Guid>? TransactionIds);

/// <summary>POST /api/v1/agent/customers/{id}/cases — the agent files the complaint the caller describes (channel phone by default).</summary>
public static class OpenCaseForCaller
{
    public static async Task<Created<IntakeResult>> Endpoint(Guid id, CallerCaseRequest req, OpenCaseForCallerHandler handler, CurrentUser user, CancellationToken ct)
    {
        var r = await handler.HandleAsync(user, id, req, ct);
        return TypedResults.Created($"/api/v1/agent/tickets/{r.CaseId}", r);
    }
}

/// <summary>The complaint form's rules apply (categories, linked transactions of this customer only); the agent is recorded as who filed it.</summary>
public sealed class OpenCaseForCallerHandler(IUserDirectory users, ICaseIntake intake)
{
    public static readonly string[] Channels = ["phone", "email", "chat", "web"];

    public async Task<IntakeResult> HandleAsync(CurrentUser user, Guid customerId, CallerCaseRequest req, CancellationToken ct)
    {
        if (!user.IsStaff) throw AppProblem.Forbidden();
        var errors = new Dictionary<string, string[]>();
        Text.Check(errors, "category", req.Category, 40);
        Text.Check(errors, "subject", req.Subject, 200);
        Text.Check(errors, "description", req.Description, 4000, multiline: true);
        if (req.Channel is not null && !Channels.Contains(req.Channel)) errors["channel"] = ["field.invalid"];
        if (req.TransactionIds is { Count: > 20 }) errors["transactionIds"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (await users.GetAsync(customerId, ct) is not { Role: "customer" }) throw AppProblem.NotFound();
        return await intake.OpenAsync(new IntakeRequest(customerId, req.Category!.Trim(), req.Channel ?? "phone", req.Subject!.Trim(), req.Description!.Trim(),
            req.TransactionIds, ActorId: user.UserId, ActorRole: user.Role), ct);
    }
}
