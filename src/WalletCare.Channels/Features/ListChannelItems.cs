using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace WalletCare.Channels.Features;

public sealed record ChannelItemDto(Guid Id, string Kind, string Source, string From, string Subject, string Body, DateTime ReceivedAt);

/// <summary>GET /api/v1/agent/channel-items — the "needs a match" inbox: unknown senders and callers, newest first.</summary>
public sealed class ListChannelItems(ChannelsDbContext db)
{
    public static async Task<Ok<List<ChannelItemDto>>> Endpoint(ListChannelItems q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(ct));

    public Task<List<ChannelItemDto>> ListAsync(CancellationToken ct, int take = 100) =>
        db.Items.AsNoTracking().Where(x => x.MatchedCaseId == null).OrderByDescending(x => x.ReceivedAt).Take(take)
            .Select(x => new ChannelItemDto(x.Id, x.Kind, x.Source, x.From, x.Subject, x.Body, x.ReceivedAt)).ToListAsync(ct);
}
