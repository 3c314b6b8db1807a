using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;
using WalletCare.Platform.Paging;

namespace WalletCare.Cases.Features;

public sealed record QueueItem(Guid Id, string Number, string Status, string Priority, string Category, string Channel, string Subject,
    Guid? AssigneeId, string Team, DateTime? NextDueAt, bool AtRisk, bool Breached, int EscalationLevel, string? ReviewState,
    string? ExternalSource, DateTime? ExternalDueAt, DateTime ReceivedAt);

/// <summary>GET /api/v1/agent/queue — the staff work list, soonest due first (the query itself is CasesQueries.Queue).</summary>
public static class Queue
{
    public static async Task<Ok<CursorPage<QueueItem>>> Endpoint(CasesQueries queries, CurrentUser user, string? view, string? status, string? priority,
        string? category, string? channel, string? assignee, string? team, bool? breached, bool? atRisk, bool? external, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await queries.QueuePageAsync(user, new QueueFilter(view, status, priority, category, channel, assignee, team, breached, atRisk, external),
            limit, cursor, ct));
}

/// <summary>GET /api/v1/agent/reviews — cases waiting for a supervisor's review.</summary>
public static class Reviews
{
    public static async Task<Ok<CursorPage<QueueItem>>> Endpoint(CasesQueries queries, CurrentUser user, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await queries.ReviewsAsync(user, limit, cursor, ct));
}
