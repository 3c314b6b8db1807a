using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Notifications.Domain;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Notifications.Features;

public sealed record PreferenceChange(string? Kind, string? Channel, bool Enabled);
public sealed record PreferencesRequest(IReadOnlyList<PreferenceChange>? Items);
public sealed record PreferencesResponse(IReadOnlyList<PreferenceDto> Items);

/// <summary>PUT /api/v1/notifications/preferences — the listed choices change, the others stay.</summary>
public static class UpdatePreferences
{
    public static async Task<Ok<PreferencesResponse>> Endpoint(PreferencesRequest req, UpdatePreferencesHandler handler, NotificationsQueries queries,
        CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user.UserId, req, ct);
        return TypedResults.Ok(new PreferencesResponse(await queries.PreferencesAsync(user.UserId, ct)));
    }
}

public sealed class UpdatePreferencesHandler(NotificationsDbContext db, TimeProvider time)
{
    /// <summary>Checks every change before writing any, so a refused request leaves nothing half-changed.</summary>
    public async Task HandleAsync(Guid userId, PreferencesRequest req, CancellationToken ct)
    {
        if (req.Items is not { Count: > 0 } items || items.Count > 50) throw AppProblem.Validation("items", "field.invalid");
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind is not { } k || !NotificationKinds.Offered.Contains(k)) throw AppProblem.Validation($"items[{i}].kind", "field.invalid");
            if (items[i].Channel is not { } c || !NotificationKinds.Channels.Contains(c)) throw AppProblem.Validation($"items[{i}].channel", "field.invalid");
        }
        if (items.Any(x => NotificationKinds.IsLocked(x.Kind!) && !x.Enabled)) throw new AppProblem(NotificationErrors.PreferenceLocked);
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Preferences.Where(p => p.UserId == userId).ToListAsync(ct);
        foreach (var change in items.Where(x => !NotificationKinds.IsLocked(x.Kind!)))
        {
            var row = existing.FirstOrDefault(p => p.Kind == change.Kind && p.Channel == change.Channel);
            if (row is null)
            {
                row = new NotificationPreference { UserId = userId, Kind = change.Kind!, Channel = change.Channel! };
                db.Preferences.Add(row);
                existing.Add(row);
            }
            row.Enabled = change.Enabled;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}
