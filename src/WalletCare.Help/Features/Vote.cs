using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Help.Domain;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Help.Features;

public sealed record VoteRequest(bool? Helpful);
public sealed record VoteResult(int HelpfulCount, int NotHelpfulCount);

/// <summary>POST /api/v1/help/articles/{id}/votes {helpful}: one vote per person and article; voting again changes it.</summary>
public static class Vote
{
    public static async Task<Ok<VoteResult>> Endpoint(Guid id, VoteRequest req, VoteHandler handler, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(user, id, req.Helpful, ct));
}

public sealed class VoteHandler(HelpDbContext db, TimeProvider time)
{
    public async Task<VoteResult> HandleAsync(CurrentUser user, Guid articleId, bool? helpful, CancellationToken ct)
    {
        if (helpful is null) throw AppProblem.Validation("helpful", "field.required");
        var a = await db.Articles.FirstOrDefaultAsync(x => x.Id == articleId && x.Published, ct) ?? throw new AppProblem(ErrorCodes.NotFound);
        var v = await db.Votes.FirstOrDefaultAsync(x => x.ArticleId == articleId && x.UserId == user.UserId, ct);
        if (v is null)
        {
            db.Votes.Add(new HelpVote { ArticleId = articleId, UserId = user.UserId, Helpful = helpful.Value, At = time.GetUtcNow().UtcDateTime });
            Count(a, helpful.Value, +1);
        }
        else if (v.Helpful != helpful.Value)
        {
            Count(a, v.Helpful, -1);
            Count(a, helpful.Value, +1);
            v.Helpful = helpful.Value;
            v.At = time.GetUtcNow().UtcDateTime;
        }
        // Counters are not search input: UpdatedAt stays, so a vote does not make every node reindex.
        await db.SaveChangesAsync(ct);
        return new VoteResult(a.HelpfulCount, a.NotHelpfulCount);
    }

    private static void Count(HelpArticle a, bool helpful, int delta)
    {
        if (helpful) a.HelpfulCount += delta;
        else a.NotHelpfulCount += delta;
    }
}
