using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Help.Search;
using WalletCare.Platform.Errors;

namespace WalletCare.Help.Features;

public sealed record SearchItem(Guid Id, string Key, string Title, string Snippet, float Score);
public sealed record SearchResponse(IReadOnlyList<SearchItem> Items);

/// <summary>GET /api/v1/help/search?q=&amp;locale=&amp;limit= — ranked published articles with highlighted snippets (HTML-encoded, &lt;mark&gt; only).</summary>
public static class SearchArticles
{
    public const int QueryMax = 200, LimitMax = 50;

    public static async Task<Ok<SearchResponse>> Endpoint(string? q, string? locale, int? limit, SearchArticlesHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(q, locale, limit ?? 10, ct));

    public static async Task<Ok<IReadOnlyList<SearchMissDto>>> Misses(HelpQueries queries, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await queries.MissesAsync(time.GetUtcNow().UtcDateTime.AddDays(-30), ct));
}

public sealed class SearchArticlesHandler(HelpSearch search)
{
    public async Task<SearchResponse> HandleAsync(string? q, string? locale, int limit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = Platform.Validation.Text.Check(errors, "q", q, SearchArticles.QueryMax);
        if (limit is < 1 or > SearchArticles.LimitMax) errors["limit"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var loc = HelpQueries.Locale(locale);
        var hits = await search.SearchAsync(query!, loc, limit, ct);
        if (hits.Count == 0) await search.RecordMissAsync(query!, loc, ct);
        return new SearchResponse(hits.Select(h => new SearchItem(h.Id, h.Key, h.Title, h.Snippet, h.Score)).ToList());
    }
}
