using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;

namespace WalletCare.Help.Features;

/// <summary>GET /api/v1/help/topics and /api/v1/help/articles/{id}: published articles to everyone, drafts to staff.</summary>
public static class ReadArticles
{
    public static async Task<Ok<IReadOnlyList<TopicDto>>> Topics(string? locale, HelpQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.TopicsAsync(HelpQueries.Locale(locale), ct));

    public static async Task<Ok<ArticleDto>> Article(Guid id, HelpQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.ArticleAsync(id, user, ct));

    public static async Task<Ok<IReadOnlyList<ArticleLink>>> Drafts(HelpQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DraftsAsync(ct));
}
