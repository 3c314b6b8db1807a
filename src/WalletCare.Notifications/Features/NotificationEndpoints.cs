using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WalletCare.Platform.Http;

namespace WalletCare.Notifications.Features;

public static class NotificationEndpoints
{
    /// <summary>The notification centre's routes: a customer's own notifications and preferences (staff: 403).</summary>
    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/notifications").RequireAuthorization(Policies.Customer).WithTags("Notifications");
        g.MapGet("/", List);
        g.MapPost("/{id:guid}/read", MarkRead.Endpoint);
        g.MapGet("/preferences", Preferences);
        g.MapPut("/preferences", UpdatePreferences.Endpoint);
    }

    /// <summary>Demo only: what the product "sent" by SMS and e-mail, so a tester can read a code. No session needed (a lost phone has none).</summary>
    public static void MapSimMessages(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/sim/messages", SimMessages).AllowAnonymous().WithTags("Simulator (demo only)");

    private static async Task<Ok<NotificationPage>> List(NotificationsQueries queries, CurrentUser user, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await queries.PageAsync(user.UserId, limit, cursor, ct));

    private static async Task<Ok<PreferencesResponse>> Preferences(NotificationsQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new PreferencesResponse(await queries.PreferencesAsync(user.UserId, ct)));

    private static async Task<Ok<SimMessagesResponse>> SimMessages(NotificationsQueries queries, string? to, string? channel, CancellationToken ct) =>
        TypedResults.Ok(new SimMessagesResponse(await queries.SentMessagesAsync(to, channel, ct)));
}

public sealed record SimMessagesResponse(IReadOnlyList<SimMessageDto> Items);
