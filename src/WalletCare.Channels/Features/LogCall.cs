using WalletCare.Platform.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Channels.Features;

public sealed record CallRequest(string? Direction, string? Phone, DateTime? StartedAt, int? DurationSeconds, string? Summary);

/// <summary>POST /api/v1/agent/tickets/{id}/calls — a call on the case's timeline: the number only masked, the summary staff-only.</summary>
public static class LogCall
{
    public static async Task<NoContent> Endpoint(Guid id, CallRequest req, LogCallHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user, id, req, ct);
        return TypedResults.NoContent();
    }
}

public sealed class LogCallHandler(ICaseDirectory cases)
{
    public async Task HandleAsync(CurrentUser user, Guid caseId, CallRequest req, CancellationToken ct)
    {
        if (!user.IsStaff) throw AppProblem.Forbidden();
        var errors = new Dictionary<string, string[]>();
        if (req.Direction is not ("inbound" or "outbound")) errors["direction"] = ["field.invalid"];
        var phone = Phones.Normalize(req.Phone);
        if (phone is null) errors["phone"] = ["field.invalid"];
        if (req.DurationSeconds is null or < 0 or > 86_400) errors["durationSeconds"] = ["field.invalid"];
        if (req.Summary is not null) Text.Check(errors, "summary", req.Summary, 2000, multiline: true);
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        _ = await cases.GetAsync(caseId, ct) ?? throw AppProblem.NotFound();
        await cases.AppendTimelineAsync(new TimelineAppend(caseId, user.UserId, user.Role, TimelineKinds.Call, false,
            new TimelineArgs { CallDirection = req.Direction, MaskedPhone = Phones.Mask(phone), DurationSeconds = req.DurationSeconds },
            req.Summary?.Trim() ?? ""), ct);
    }
}
