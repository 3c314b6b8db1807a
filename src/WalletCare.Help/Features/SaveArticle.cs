using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Help.Domain;
using WalletCare.Help.Search;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Help.Features;

public sealed record SaveArticleRequest(string? Key, string? Topic, string? Locale, string? Title, string? BodyMarkdown, string? Tags, bool Published);

/// <summary>
/// POST /api/v1/help/articles and PUT /api/v1/help/articles/{id}. Agents write drafts; what customers
/// read (publishing, or changing a published article) is for supervisors and admins.
/// </summary>
public static class SaveArticle
{
    public static async Task<Created<ArticleDto>> Create(SaveArticleRequest req, SaveArticleHandler handler, HelpQueries queries, CurrentUser user, CancellationToken ct)
    {
        var id = await handler.HandleAsync(user, null, req, ct);
        return TypedResults.Created($"/api/v1/help/articles/{id}", await queries.ArticleAsync(id, user, ct));
    }

    public static async Task<Ok<ArticleDto>> Update(Guid id, SaveArticleRequest req, SaveArticleHandler handler, HelpQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.ArticleAsync(await handler.HandleAsync(user, id, req, ct), user, ct));
}

public sealed class SaveArticleHandler(HelpDbContext db, HelpSearch search, IAuditLog audit, TimeProvider time)
{
    public const int TitleMax = 200, BodyMax = 20000, TagsMax = 1000;

    public async Task<Guid> HandleAsync(CurrentUser user, Guid? id, SaveArticleRequest req, CancellationToken ct)
    {
        var mayPublish = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
        var errors = new Dictionary<string, string[]>();
        var title = Text.Check(errors, "title", req.Title, TitleMax);
        var body = Text.Check(errors, "bodyMarkdown", req.BodyMarkdown, BodyMax, multiline: true);
        var tags = Text.Check(errors, "tags", req.Tags, TagsMax, required: false);
        var topic = req.Topic ?? "";
        if (!HelpTopics.All.Contains(topic)) errors["topic"] = ["field.invalid"];
        var locale = req.Locale is "zh-CN" or "en-US" ? req.Locale : null;
        if (id is null && locale is null) errors["locale"] = ["field.invalid"];
        var key = req.Key is { Length: > 0 } k ? k.Trim().ToLowerInvariant() : null;
        if (key is not null && (key.Length > 80 || !key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')))
            errors["key"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);

        HelpArticle a;
        if (id is null)
        {
            key ??= "article_" + Guid.NewGuid().ToString("N")[..12];
            if (await db.Articles.AnyAsync(x => x.Key == key && x.Locale == locale, ct)) throw new AppProblem(HelpErrors.ArticleExists);
            a = new HelpArticle { Id = Guid.NewGuid(), Key = key, Locale = locale!, AuthorId = user.UserId, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.Articles.Add(a);
        }
        else
        {
            a = await db.Articles.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new AppProblem(ErrorCodes.NotFound);
            if (a.Published && !mayPublish) throw new AppProblem(HelpErrors.PublishNotAllowed);
        }
        if (req.Published && !mayPublish) throw new AppProblem(HelpErrors.PublishNotAllowed);
        a.Topic = topic;
        a.Title = title!;
        a.BodyMarkdown = body!;
        a.Tags = tags ?? "";
        a.Published = req.Published;
        a.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.Actor, id is null ? "help.article_created" : "help.article_updated", a.Id.ToString(), $"{a.Key} {a.Locale} published={a.Published}", ct);
        await search.RebuildAsync(ct);
        return a.Id;
    }
}
