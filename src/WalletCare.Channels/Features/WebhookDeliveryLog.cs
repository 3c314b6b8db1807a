using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Channels.Domain;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Channels.Features;

public sealed record DeliveryDto(Guid Id, Guid SubscriptionId, Guid EventId, string EventType, Guid? CaseId, string State, int Attempts, DateTime CreatedAt,
    DateTime NextAttemptAt, DateTime? LastAttemptAt, int? LastStatusCode, string? LastError, DateTime? DeliveredAt);

/// <summary>GET /api/v1/agent/webhook-deliveries?state= and POST …/{id}/replay — the outbound delivery log (staff read, supervisors replay).</summary>
public static class WebhookDeliveryLog
{
    public static async Task<Ok<List<DeliveryDto>>> List(string? state, ChannelsDbContext db, CancellationToken ct)
    {
        var q = db.Deliveries.AsNoTracking();
        if (state is { Length: > 0 }) q = q.Where(d => d.State == state);
        return TypedResults.Ok(await q.OrderByDescending(d => d.CreatedAt).Take(200)
            .Select(d => new DeliveryDto(d.Id, d.SubscriptionId, d.EventId, d.EventType, d.CaseId, d.State, d.Attempts, d.CreatedAt, d.NextAttemptAt,
                d.LastAttemptAt, d.LastStatusCode, d.LastError, d.DeliveredAt)).ToListAsync(ct));
    }

    /// <summary>Sends it again now, with a fresh one-day retry window; the event id stays, so the receiver can still dedupe.</summary>
    public static async Task<NoContent> Replay(Guid id, ChannelsDbContext db, TimeProvider time, IAuditLog audit, CurrentUser user, CancellationToken ct)
    {
        var d = await db.Deliveries.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound();
        var now = time.GetUtcNow().UtcDateTime;
        d.State = DeliveryStates.Pending;
        d.NextAttemptAt = now;
        d.WindowStart = now;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.UserId.ToString(), "channel.delivery_replayed", "delivery:" + d.Id, null, ct);
        return TypedResults.NoContent();
    }
}
