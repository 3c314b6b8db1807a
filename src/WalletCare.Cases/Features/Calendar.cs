using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

public sealed record CalendarEdit(string? Kind);

/// <summary>GET/PUT /api/v1/admin/calendar — holidays and make-up workdays (调休) the SLA clocks count with.</summary>
public static class Calendar
{
    public static async Task<Ok<IReadOnlyList<CalendarDay>>> ListEndpoint(CasesQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.CalendarAsync(ct));

    /// <summary>"default" removes the edit, so the day falls back to the built-in calendar.</summary>
    public static async Task<NoContent> EditEndpoint(string date, CalendarEdit req, CasesDbContext db, CurrentUser user, TimeProvider time, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d)) throw AppProblem.Validation("date", "field.invalid");
        if (req.Kind is not ("holiday" or "workday" or "default")) throw AppProblem.Validation("kind", "field.invalid");
        var row = await db.CalendarDays.FirstOrDefaultAsync(x => x.Date == d, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (req.Kind == "default") { if (row is not null) db.CalendarDays.Remove(row); }
        else if (row is null) db.CalendarDays.Add(new CalendarDay { Date = d, Kind = req.Kind, EditedBy = user.UserId, EditedAt = now });
        else { row.Kind = req.Kind; row.EditedBy = user.UserId; row.EditedAt = now; }
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
