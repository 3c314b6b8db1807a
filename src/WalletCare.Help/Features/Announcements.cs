using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Help.Domain;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Help.Features;

public sealed record AnnouncementDto(Guid Id, string Kind, string Title, string Body, IReadOnlyList<string> Features, DateTime StartsAt, DateTime EndsAt, bool Active);
public sealed record NewAnnouncement(string? Kind, string? TitleZh, string? TitleEn, string? BodyZh, string? BodyEn, string[]? Features, DateTime? StartsAt, DateTime? EndsAt);

/// <summary>
/// GET /api/v1/help/announcements: notices in force now or starting within a week, in the reader's language;
/// POST (supervisors and admins) creates one. The portal home and the complaint form show them.
/// </summary>
public static class Announcements
{
    public static async Task<Ok<IReadOnlyList<AnnouncementDto>>> List(AnnouncementsHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.CurrentAsync(ct));

    public static async Task<Created<AnnouncementDto>> Create(NewAnnouncement req, AnnouncementsHandler handler, CurrentUser user, CancellationToken ct)
    {
        var a = await handler.CreateAsync(user, req, ct);
        return TypedResults.Created($"/api/v1/help/announcements/{a.Id}", a);
    }
}

public sealed class AnnouncementsHandler(HelpDbContext db, TimeProvider time, IAuditLog audit)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<AnnouncementDto>> CurrentAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Ahead;
        var rows = await db.Announcements.AsNoTracking().Where(a => a.EndsAt > now && a.StartsAt < until).ToListAsync(ct);
        return rows.OrderByDescending(a => a.Kind == AnnouncementKinds.Incident).ThenBy(a => a.StartsAt).Select(a => Map(a, now)).ToList();
    }

    public async Task<AnnouncementDto> CreateAsync(CurrentUser user, NewAnnouncement r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var tz = Text.Check(errors, "titleZh", r.TitleZh, 200);
        var te = Text.Check(errors, "titleEn", r.TitleEn, 200);
        var bz = Text.Check(errors, "bodyZh", r.BodyZh, 2000, multiline: true);
        var be = Text.Check(errors, "bodyEn", r.BodyEn, 2000, multiline: true);
        if (r.Kind is not (AnnouncementKinds.Maintenance or AnnouncementKinds.Incident)) errors["kind"] = ["field.invalid"];
        var features = r.Features ?? [];
        if (features.Length == 0 || features.Any(f => !AnnouncementKinds.Features.Contains(f))) errors["features"] = ["field.invalid"];
        if (r.StartsAt is null) errors["startsAt"] = ["field.required"];
        if (r.EndsAt is null || (r.StartsAt is { } s && r.EndsAt <= s)) errors["endsAt"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var a = new Announcement
        {
            Id = Guid.NewGuid(), Kind = r.Kind!, TitleZh = tz!, TitleEn = te!, BodyZh = bz!, BodyEn = be!,
            Features = string.Join(' ', features.Distinct()), StartsAt = r.StartsAt!.Value.ToUniversalTime(), EndsAt = r.EndsAt!.Value.ToUniversalTime(),
            CreatedBy = user.UserId, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Announcements.Add(a);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.Actor, "help.announcement_created", a.Id.ToString(), $"{a.Kind} {a.Features}", ct);
        return Map(a, time.GetUtcNow().UtcDateTime);
    }

    private static AnnouncementDto Map(Announcement a, DateTime now)
    {
        var en = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return new AnnouncementDto(a.Id, a.Kind, en ? a.TitleEn : a.TitleZh, en ? a.BodyEn : a.BodyZh,
            a.Features.Split(' ', StringSplitOptions.RemoveEmptyEntries), a.StartsAt, a.EndsAt, a.StartsAt <= now);
    }
}
