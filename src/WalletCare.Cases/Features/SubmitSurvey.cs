using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Cases.Features;

public sealed record SurveyRequest(bool? Resolved, int? Attitude, int? Speed, string? Suggestion);

/// <summary>POST /api/v1/complaints/{id}/survey — one rating per resolved case, by its customer.</summary>
public static class SubmitSurvey
{
    public static async Task<Ok<ComplaintDto>> Endpoint(Guid id, SurveyRequest req, SubmitSurveyHandler handler, CasesQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.ReadAsync(await handler.HandleAsync(user, id, req, ct), false, ct));
}

/// <summary>"Not resolved" reopens the case (SPEC §7), through the same reopen rule as the customer's own request.</summary>
public sealed class SubmitSurveyHandler(CaseStore store)
{
    public async Task<Case> HandleAsync(CurrentUser user, Guid caseId, SurveyRequest req, CancellationToken ct)
    {
        var c = await store.GetForCustomerAsync(user.UserId, caseId, ct);
        var errors = new Dictionary<string, string[]>();
        if (req.Resolved is null) errors["resolved"] = ["field.required"];
        if (req.Attitude is not (>= 1 and <= 5)) errors["attitude"] = ["field.rating"];
        if (req.Speed is not (>= 1 and <= 5)) errors["speed"] = ["field.rating"];
        Text.Check(errors, "suggestion", req.Suggestion, CaseStore.ReasonMax, required: false, multiline: true);
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var db = store.Db;
        if (c.Status is not (CaseStatus.Resolved or CaseStatus.Closed)) throw new AppProblem(CaseErrors.SurveyNotOpen);
        if (await db.Surveys.AnyAsync(s => s.CaseId == c.Id, ct)) throw new AppProblem(CaseErrors.SurveyDone);
        var now = store.Now;
        var actor = new Actor(user.UserId, Roles.Customer);
        db.Surveys.Add(new Survey
        {
            CaseId = c.Id, CustomerId = user.UserId, Resolved = req.Resolved!.Value, Attitude = req.Attitude!.Value, Speed = req.Speed!.Value,
            Suggestion = req.Suggestion?.Trim(), At = now,
        });
        store.Add(c.Record(actor, TimelineKinds.Survey, true, now,
            new TimelineArgs { Resolved = req.Resolved, Attitude = req.Attitude, Speed = req.Speed }, req.Suggestion?.Trim() ?? ""));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new AppProblem(CaseErrors.SurveyDone); // a concurrent twin won
        }
        if (req.Resolved == false)
        {
            await ReopenHandler.ReopenAsync(store, c, actor, null, "survey_not_resolved", ct);
            await store.SaveAsync(c, ct);
        }
        return c;
    }
}
