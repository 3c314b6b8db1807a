using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Notifications.Features;

/// <summary>POST /api/v1/notifications/{id}/read — idempotent; another customer's notification is 404.</summary>
public static class MarkRead
{
    public static async Task<NoContent> Endpoint(Guid id, MarkReadHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user.UserId, id, ct);
        return TypedResults.NoContent();
    }
}

public sealed class MarkReadHandler(NotificationsDbContext db, TimeProvider time)
{
    public async Task HandleAsync(Guid userId, Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct) ?? throw AppProblem.NotFound();
        n.ReadAt ??= now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks every unread notification of the customer as read (the page's "mark all read").</summary>
    public Task<int> AllAsync(Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(x => x.UserId == userId && x.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadAt, now), ct);
    }
}
