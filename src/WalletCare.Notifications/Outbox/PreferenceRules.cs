using Microsoft.EntityFrameworkCore;
using WalletCare.Notifications.Domain;

namespace WalletCare.Notifications.Outbox;

/// <summary>Whether a customer wants a kind on a channel: locked kinds always, else their choice, else the default.</summary>
public sealed class PreferenceRules(NotificationsDbContext db)
{
    public async Task<bool> AllowsAsync(Guid userId, string kind, string channel, CancellationToken ct)
    {
        if (NotificationKinds.IsLocked(kind) || !NotificationKinds.Offered.Contains(kind)) return true;
        var choice = await db.Preferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Kind == kind && p.Channel == channel).Select(p => (bool?)p.Enabled).FirstOrDefaultAsync(ct);
        return choice ?? NotificationKinds.Default(kind, channel);
    }
}
