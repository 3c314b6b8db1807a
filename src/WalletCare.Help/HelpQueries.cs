using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WalletCare.Help.Domain;
using WalletCare.Help.Resources;
using WalletCare.Help.Search;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Help;

public sealed record ArticleLink(Guid Id, string Key, string Title);
public sealed record TopicDto(string Key, string Name, IReadOnlyList<ArticleLink> Articles);
public sealed record ArticleDto(Guid Id, string Key, string Locale, string Topic, string TopicName, string Title, string Html,
    string BodyMarkdown, string Tags, bool Published, int HelpfulCount, int NotHelpfulCount, DateTime UpdatedAt, IReadOnlyList<ArticleLink> Related);
public sealed record SearchMissDto(string Query, string Locale, int Count, DateTime LastAt);

/// <summary>Read side of the help centre, used by the API and the pages alike.</summary>
public sealed class HelpQueries(HelpDbContext db, IStringLocalizer<HelpText> text)
{
    /// <summary>zh-CN or en-US from a client's hint, else the request's culture.</summary>
    public static string Locale(string? requested) =>
        (requested ?? CultureInfo.CurrentUICulture.Name).StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "zh-CN";

    public string TopicName(string topic) => text["topic." + topic];

    public async Task<IReadOnlyList<TopicDto>> TopicsAsync(string locale, CancellationToken ct)
    {
        var rows = await db.Articles.AsNoTracking().Where(a => a.Published && a.Locale == locale)
            .Select(a => new { a.Id, a.Key, a.Title, a.Topic }).ToListAsync(ct);
        return HelpTopics.All.Select(t => new TopicDto(t, TopicName(t),
            rows.Where(r => r.Topic == t).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ArticleLink(r.Id, r.Key, r.Title)).ToList())).ToList();
    }

    /// <summary>A draft exists only for staff: to a customer it is 404, like any other absent article.</summary>
    public async Task<ArticleDto> ArticleAsync(Guid id, CurrentUser user, CancellationToken ct)
    {
        var a = await db.Articles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || (!a.Published && !user.IsStaff)) throw new AppProblem(ErrorCodes.NotFound);
        var related = await db.Articles.AsNoTracking().Where(x => x.Published && x.Locale == a.Locale && x.Topic == a.Topic && x.Id != a.Id)
            .Select(x => new ArticleLink(x.Id, x.Key, x.Title)).ToListAsync(ct);
        return new ArticleDto(a.Id, a.Key, a.Locale, a.Topic, TopicName(a.Topic), a.Title, ArticleText.Html(a.BodyMarkdown),
            user.IsStaff ? a.BodyMarkdown : "", user.IsStaff ? a.Tags : "", a.Published, a.HelpfulCount, a.NotHelpfulCount, a.UpdatedAt,
            related.OrderBy(r => r.Key, StringComparer.Ordinal).Take(5).ToList());
    }

    public async Task<Guid?> IdByKeyAsync(string key, string locale, CancellationToken ct) =>
        await db.Articles.AsNoTracking().Where(a => a.Key == key && a.Locale == locale && a.Published).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ArticleLink>> DraftsAsync(CancellationToken ct) =>
        await db.Articles.AsNoTracking().Where(a => !a.Published).OrderByDescending(a => a.UpdatedAt)
            .Select(a => new ArticleLink(a.Id, a.Key, a.Title)).Take(200).ToListAsync(ct);

    /// <summary>Zero-result searches, most frequent first: what to write next.</summary>
    public async Task<IReadOnlyList<SearchMissDto>> MissesAsync(DateTime sinceUtc, CancellationToken ct)
    {
        var rows = await db.SearchMisses.AsNoTracking().Where(m => m.At >= sinceUtc)
            .GroupBy(m => new { m.Query, m.Locale })
            .Select(g => new { g.Key.Query, g.Key.Locale, Count = g.Count(), LastAt = g.Max(m => m.At) }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Query, StringComparer.Ordinal).Take(100)
            .Select(r => new SearchMissDto(r.Query, r.Locale, r.Count, r.LastAt)).ToList();
    }
}
