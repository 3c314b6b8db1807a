using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Help.Domain;
using WalletCare.Help.Search;
using WalletCare.Help.Troubleshooting;
using WalletCare.Platform.Errors;

namespace WalletCare.Help.Features;

public sealed record SuggestedArticle(Guid Id, string Key, string Title, string Href);
public sealed record SuggestedTroubleshooter(string Key, string Title, string Href);
public sealed record SuggestionsDto(IReadOnlyList<SuggestedArticle> Articles, IReadOnlyList<SuggestedTroubleshooter> Troubleshooters);
public sealed record OpenedRequest(string? Target);

/// <summary>
/// GET /api/v1/help/suggestions?text= — deflection while a complaint is drafted: the articles the draft
/// matches and the troubleshooters for those topics. Shown and opened suggestions are counted.
/// </summary>
public static class Suggestions
{
    public const int TextMax = 4000;

    public static async Task<Ok<SuggestionsDto>> Endpoint(string? text, SuggestionsHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(text, ct));

    public static async Task<NoContent> Opened(OpenedRequest req, SuggestionsHandler handler, CancellationToken ct)
    {
        await handler.OpenedAsync(req.Target, ct);
        return TypedResults.NoContent();
    }
}

public sealed class SuggestionsHandler(HelpSearch search, Troubleshooters ts, HelpDbContext db, TimeProvider time)
{
    public async Task<SuggestionsDto> HandleAsync(string? text, CancellationToken ct)
    {
        var t = Platform.Validation.Text.Optional(text, "text", Suggestions.TextMax, multiline: true);
        if (t is null) return new SuggestionsDto([], []);
        // Long drafts: the first sentences carry the problem; the rest is story.
        var hits = await search.SearchAsync(t.Length > 300 ? t[..300] : t, HelpQueries.Locale(null), 3, ct);
        var articles = hits.Select(h => new SuggestedArticle(h.Id, h.Key, h.Title, $"/help/articles/{h.Id}?from=suggestion")).ToList();
        var keys = hits.Select(h => TroubleshooterFor(h.Key)).OfType<string>().Distinct().Take(2);
        var tss = keys.Select(k => new SuggestedTroubleshooter(k, ts.Title(k), $"/help/troubleshooters/{k}?from=suggestion")).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var target in articles.Select(a => a.Key).Concat(tss.Select(x => x.Key)))
            db.Deflections.Add(new DeflectionEvent { Kind = "shown", Target = target, At = now });
        await db.SaveChangesAsync(ct);
        return new SuggestionsDto(articles, tss);
    }

    public async Task OpenedAsync(string? target, CancellationToken ct)
    {
        if (target is not { Length: > 0 and <= 80 } || !target.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw AppProblem.Validation("target", "field.invalid");
        db.Deflections.Add(new DeflectionEvent { Kind = "opened", Target = target, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }

    public static string? TroubleshooterFor(string articleKey) => articleKey switch
    {
        _ when articleKey.StartsWith("topup_", StringComparison.Ordinal) => Troubleshooters.TopupNotArrived,
        _ when articleKey.StartsWith("refund_", StringComparison.Ordinal) => Troubleshooters.RefundStatus,
        _ when articleKey.StartsWith("decline_", StringComparison.Ordinal) => Troubleshooters.PaymentFailed,
        "payment_failed" or "wallet_balance_insufficient" or "charged_twice" => Troubleshooters.PaymentFailed,
        "unauthorized_transaction" or "freeze_account" or "scam_prevention" => Troubleshooters.Unrecognised,
        _ when articleKey.StartsWith("identity_", StringComparison.Ordinal) || articleKey == "kyc_required" => Troubleshooters.Identity,
        _ => null,
    };
}
