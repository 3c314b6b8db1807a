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
    public static async Task<NoContent> EditEndpoint(string date, CalendarEdit req, EditCalendarHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user, date, req.Kind, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Shared by the API and the admin calendar page.</summary>
public sealed class EditCalendarHandler(CasesDbContext db, TimeProvider time)
{
    public async Task HandleAsync(CurrentUser user, string? date, string? kind, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d) || d.Year is < 2000 or > 2099) throw AppProblem.Validation("date", "field.invalid");
        if (kind is not ("holiday" or "workday" or "default")) throw AppProblem.Validation("kind", "field.invalid");
        var row = await db.CalendarDays.FirstOrDefaultAsync(x => x.Date == d, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (kind == "default") { if (row is not null) db.CalendarDays.Remove(row); }
        else if (row is null) db.CalendarDays.Add(new CalendarDay { Date = d, Kind = kind, EditedBy = user.UserId, EditedAt = now });
        else { row.Kind = kind; row.EditedBy = user.UserId; row.EditedAt = now; }
        await db.SaveChangesAsync(ct);
    }
}
