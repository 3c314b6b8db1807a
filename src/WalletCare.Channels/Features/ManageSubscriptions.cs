using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Channels.Domain;
using WalletCare.Channels.Webhooks;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Channels.Features;

public sealed record SubscriptionDto(Guid Id, string Url, string Events, bool Active, DateTime CreatedAt);
public sealed record NewSubscriptionRequest(string? Url, IReadOnlyList<string>? Events);
public sealed record SubscriptionSecretDto(Guid Id, string Url, string Events, string Secret);

/// <summary>GET/POST /api/v1/admin/webhook-subscriptions — who receives case events (admin only; the secret is shown once).</summary>
public static class ManageSubscriptions
{
    public static readonly string[] EventTypes = ["case.created", "case.replied", "case.status_changed", "case.resolved", "case.escalated"];

    public static async Task<Ok<List<SubscriptionDto>>> List(ChannelsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Subscriptions.AsNoTracking().OrderBy(s => s.CreatedAt)
            .Select(s => new SubscriptionDto(s.Id, s.Url, s.Events, s.Active, s.CreatedAt)).ToListAsync(ct));

    public static async Task<Created<SubscriptionSecretDto>> Create(NewSubscriptionRequest req, ChannelsDbContext db, TimeProvider time, IAuditLog audit,
        CurrentUser user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (req.Url is not { Length: <= 500 } || !Uri.TryCreate(req.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.UserInfo))
            errors["url"] = ["field.invalid"];
        var events = req.Events is null or { Count: 0 } ? "*" : string.Join(' ', req.Events.Distinct());
        if (req.Events is { Count: > 0 } && req.Events.Any(e => !EventTypes.Contains(e))) errors["events"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var s = new WebhookSubscription { Url = req.Url!, Secret = WebhookSignature.NewSecret(), Events = events, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Subscriptions.Add(s);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.UserId.ToString(), "channel.subscription_created", "subscription:" + s.Id, new { s.Url, s.Events }, ct);
        return TypedResults.Created($"/api/v1/admin/webhook-subscriptions/{s.Id}", new SubscriptionSecretDto(s.Id, s.Url, s.Events, s.Secret));
    }
}
