using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

public sealed record ReviewRequest(string? Decision, string? Reasoning);

/// <summary>POST /api/v1/agent/tickets/{id}/review — the supervisor's outcome of a customer's review request.</summary>
public static class RecordReview
{
    public static async Task<NoContent> Endpoint(Guid id, ReviewRequest req, RecordReviewHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user, id, req, ct);
        return TypedResults.NoContent();
    }
}

public sealed class RecordReviewHandler(CaseStore store, IAuditLog audit)
{
    public async Task HandleAsync(CurrentUser user, Guid caseId, ReviewRequest req, CancellationToken ct)
    {
        // Supervisors only, whether the call comes from the API group or the reviews page.
        if (user.Role is not (Roles.Supervisor or Roles.Admin)) throw AppProblem.Forbidden();
        var c = await store.GetForStaffAsync(user, caseId, ct);
        if (req.Decision is not ("uphold" or "change_remedy" or "return_to_agent")) throw AppProblem.Validation("decision", "field.invalid");
        var reasoning = CaseStore.RequireText(req.Reasoning, "reasoning", CaseStore.ReasonMax);
        if (c.ReviewState != "pending") throw new AppProblem(ErrorCodes.Conflict);
        c.ReviewState = req.Decision switch { "uphold" => "upheld", "change_remedy" => "changed", _ => "returned" };
        store.Add(c.Record(Actor.Of(user), TimelineKinds.Review, true, store.Now, new TimelineArgs { Decision = req.Decision }, reasoning));
        await store.SaveAsync(c, ct);
        await audit.WriteAsync(user.UserId.ToString(), "case.reviewed", "case:" + c.Id, new { req.Decision }, ct);
    }
}
