using Microsoft.EntityFrameworkCore;
using WalletCare.Notifications.Domain;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Outbox;
using WalletCare.Platform.Paging;

namespace WalletCare.Notifications;

public sealed record NotificationDto(Guid Id, string Kind, string Title, string Body, Guid? CaseId, DateTime CreatedAt, DateTime? ReadAt);
public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, string? NextCursor, int UnreadCount);
public sealed record PreferenceDto(string Kind, string Channel, bool Enabled, bool Locked);
public sealed record SimMessageDto(Guid Id, string Channel, string Kind, string? To, string Subject, string Body, DateTime? SentAt);

/// <summary>The notification centre's read side, used by the API, the bell and the pages.</summary>
public sealed class NotificationsQueries(NotificationsDbContext db)
{
    public async Task<NotificationPage> PageAsync(Guid userId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var page = await Keyset.PageAsync(db.Notifications.AsNoTracking().Where(n => n.UserId == userId), n => n.CreatedAt, n => n.Id, true, limit, cursor,
            n => new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.CaseId, n.CreatedAt, n.ReadAt), d => (d.CreatedAt, d.Id), ct);
        return new NotificationPage(page.Items, page.NextCursor, await UnreadCountAsync(userId, ct));
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Every offered kind on every channel, with the customer's choice or the default.</summary>
    public async Task<IReadOnlyList<PreferenceDto>> PreferencesAsync(Guid userId, CancellationToken ct = default)
    {
        var chosen = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct);
        return [.. from kind in NotificationKinds.Offered
                   from channel in NotificationKinds.Channels
                   let locked = NotificationKinds.IsLocked(kind)
                   let choice = chosen.FirstOrDefault(p => p.Kind == kind && p.Channel == channel)
                   select new PreferenceDto(kind, channel, locked || (choice?.Enabled ?? NotificationKinds.Default(kind, channel)), locked)];
    }

    /// <summary>Demo simulator: SMS and e-mails the product sent, newest first (at most 50).</summary>
    public async Task<IReadOnlyList<SimMessageDto>> SentMessagesAsync(string? to, string? channel, CancellationToken ct = default)
    {
        if (channel is { Length: > 0 } && channel is not (OutboxChannels.Sms or OutboxChannels.Email))
            throw AppProblem.Validation("channel", "field.invalid");
        var q = db.Outbox.AsNoTracking().Where(m => m.State == OutboxStates.Sent && (m.Channel == OutboxChannels.Sms || m.Channel == OutboxChannels.Email));
        if (channel is { Length: > 0 }) q = q.Where(m => m.Channel == channel);
        if (to is { Length: > 0 }) q = q.Where(m => m.To == to.Trim());
        return await q.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(50)
            .Select(m => new SimMessageDto(m.Id, m.Channel, m.Kind, m.To, m.Subject, m.Body, m.SentAt)).ToListAsync(ct);
    }
}
