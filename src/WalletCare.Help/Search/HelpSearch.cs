using Microsoft.EntityFrameworkCore;
using WalletCare.Help.Domain;

namespace WalletCare.Help.Search;

/// <summary>
/// Keeps this node's index in step with the database: a write on this node rebuilds at once
/// (<see cref="RebuildAsync"/>); writes on other nodes are seen by comparing the rows' version
/// (latest UpdatedAt and row count) at most every <see cref="CheckEvery"/>.
/// </summary>
public sealed class HelpSearch(HelpDbContext db, HelpSearchIndex index, HelpIndexClock clock, TimeProvider time)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, string locale, int limit, CancellationToken ct)
    {
        await EnsureFreshAsync(ct);
        return index.Search(query, locale, limit);
    }

    public async Task EnsureFreshAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (index.Version != default && now - clock.LastCheck < CheckEvery) return;
        clock.LastCheck = now;
        var version = await VersionAsync(ct);
        if (version != index.Version) await RebuildAsync(ct);
    }

    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await clock.Gate.WaitAsync(ct);
        try
        {
            var version = await VersionAsync(ct);
            var rows = await db.Articles.AsNoTracking().ToListAsync(ct);
            index.Rebuild(rows, version);
            return rows.Count(r => r.Published);
        }
        finally { clock.Gate.Release(); }
    }

    private async Task<HelpVersion> VersionAsync(CancellationToken ct)
    {
        var count = await db.Articles.CountAsync(ct);
        var last = count == 0 ? DateTime.MinValue : await db.Articles.MaxAsync(a => a.UpdatedAt, ct);
        return new HelpVersion(last, count);
    }

    public async Task RecordMissAsync(string query, string locale, CancellationToken ct)
    {
        db.SearchMisses.Add(new SearchMiss { Query = query.Length > 200 ? query[..200] : query, Locale = locale, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Per node: when the version was last compared, and one rebuild at a time.</summary>
public sealed class HelpIndexClock
{
    public DateTimeOffset LastCheck { get; set; } = DateTimeOffset.MinValue;
    public SemaphoreSlim Gate { get; } = new(1, 1);
}
