using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Features;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases;

/// <summary>One rating per resolved case, by its customer; "not resolved" reopens the case.</summary>
public sealed class SurveyService(CasesDbContext db, CaseService cases, TimeProvider time)
{
    public async Task SubmitAsync(Case c, Guid customerId, SurveyRequest req, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (req.Resolved is null) errors["resolved"] = ["field.required"];
        if (req.Attitude is not (>= 1 and <= 5)) errors["attitude"] = ["field.rating"];
        if (req.Speed is not (>= 1 and <= 5)) errors["speed"] = ["field.rating"];
        if (req.Suggestion is { Length: > 2000 }) errors["suggestion"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (c.Status is not (CaseStatus.Resolved or CaseStatus.Closed)) throw new AppProblem(CaseErrors.SurveyNotOpen);
        if (await db.Surveys.AnyAsync(s => s.CaseId == c.Id, ct)) throw new AppProblem(CaseErrors.SurveyDone);
        db.Surveys.Add(new Survey
        {
            CaseId = c.Id, CustomerId = customerId, Resolved = req.Resolved!.Value, Attitude = req.Attitude!.Value, Speed = req.Speed!.Value,
            Suggestion = req.Suggestion?.Trim(), At = time.GetUtcNow().UtcDateTime,
        });
        cases.AddEvent(c, new Actor(customerId, Roles.Customer), "survey", true, req.Suggestion?.Trim() ?? "", new { req.Resolved, req.Attitude, req.Speed });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new AppProblem(CaseErrors.SurveyDone); // a concurrent twin won
        }
        if (req.Resolved == false) await cases.ReopenAsync(c, new Actor(customerId, Roles.Customer), "survey_not_resolved", ct);
    }
}
