using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using WalletCare.Help.Domain;

namespace WalletCare.Help;

/// <summary>The articles shipped with WalletCare: embedded Markdown files with a small front matter.</summary>
public static class ArticleCatalog
{
    public sealed record SeedArticle(string Key, string Locale, string Topic, string Title, string Tags, string Body);

    public static IReadOnlyList<SeedArticle> Load()
    {
        var asm = typeof(ArticleCatalog).Assembly;
        var list = new List<SeedArticle>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("HelpArticle:", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var locale = name["HelpArticle:".Length..].Split('/', '\\')[0];
            using var reader = new StreamReader(asm.GetManifestResourceStream(name)!, Encoding.UTF8);
            list.Add(Parse(locale, reader.ReadToEnd()));
        }
        return list;
    }

    public static SeedArticle Parse(string locale, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].Trim() != "---") throw new FormatException("article without front matter");
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 1;
        for (; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) meta[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }
        var body = string.Join('\n', lines.Skip(i + 1)).Trim();
        return new SeedArticle(meta["key"], locale, meta["topic"], meta["title"], meta.GetValueOrDefault("tags", ""), body);
    }

    /// <summary>Stable id for a shipped article: the same on every install and node.</summary>
    public static Guid IdFor(string key, string locale) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("help-article:" + key + ":" + locale)).AsSpan(0, 16));
}

/// <summary>Adds shipped articles that are missing (production too); never overwrites an edited one.</summary>
internal sealed class ArticleSeeder(HelpDbContext db, TimeProvider time, Search.HelpSearch search) : Platform.Modules.IStartupInitializer
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        var existing = db.Articles.Select(a => a.Key + "|" + a.Locale).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var s in ArticleCatalog.Load().Where(s => !existing.Contains(s.Key + "|" + s.Locale)))
        {
            db.Articles.Add(new HelpArticle
            {
                Id = ArticleCatalog.IdFor(s.Key, s.Locale), Key = s.Key, Locale = s.Locale, Topic = s.Topic, Title = s.Title,
                Tags = s.Tags, BodyMarkdown = s.Body, Published = true, CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        await search.RebuildAsync(ct);
    }
}
