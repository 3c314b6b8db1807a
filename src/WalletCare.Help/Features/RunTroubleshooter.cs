using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Help.Domain;
using WalletCare.Help.Troubleshooting;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Help.Features;

public sealed record TroubleshooterDto(string Key, string Title);
public sealed record RunRequest(Guid? TransactionId);
public sealed record RunDto(Guid RunId, string Key, string Title, RunTransaction? Transaction, string Diagnosis, IReadOnlyList<string> Steps,
    IReadOnlyList<RunAction> Actions, bool Overdue);
public sealed record OutcomeRequest(bool? Solved);

/// <summary>
/// GET /api/v1/help/troubleshooters, POST /api/v1/help/troubleshooters/{key}/runs {transactionId?},
/// POST .../runs/{runId}/outcome {solved}. A run reads only the signed-in customer's own transactions:
/// another customer's id is simply not found.
/// </summary>
public static class RunTroubleshooter
{
    public static Ok<IReadOnlyList<TroubleshooterDto>> List(Troubleshooters ts) =>
        TypedResults.Ok<IReadOnlyList<TroubleshooterDto>>(Troubleshooters.Keys.Select(k => new TroubleshooterDto(k, ts.Title(k))).ToList());

    public static async Task<Created<RunDto>> Start(string key, RunRequest? req, RunTroubleshooterHandler handler, CurrentUser user, CancellationToken ct)
    {
        var run = await handler.StartAsync(user.UserId, key, req?.TransactionId, ct);
        return TypedResults.Created($"/api/v1/help/troubleshooters/{key}/runs/{run.RunId}", run);
    }

    public static async Task<NoContent> Outcome(string key, Guid runId, OutcomeRequest req, RunTroubleshooterHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.RecordOutcomeAsync(user.UserId, key, runId, req.Solved, ct);
        return TypedResults.NoContent();
    }
}

public sealed class RunTroubleshooterHandler(HelpDbContext db, IWalletQueries wallet, Troubleshooters ts, HelpQueries queries, TimeProvider time)
{
    public async Task<RunDto> StartAsync(Guid customerId, string key, Guid? transactionId, CancellationToken ct)
    {
        if (!Troubleshooters.Keys.Contains(key)) throw new AppProblem(ErrorCodes.NotFound);
        TransactionSummary? tx = null;
        if (transactionId is { } id && key != Troubleshooters.Identity)
            tx = (await wallet.GetTransactionsAsync(customerId, [id], ct)).FirstOrDefault() ?? throw new AppProblem(ErrorCodes.NotFound);
        else if (key != Troubleshooters.Identity)
            tx = Troubleshooters.Pick(key, await wallet.RecentTransactionsAsync(customerId, 50, ct));
        var w = key == Troubleshooters.Identity ? await wallet.GetWalletAsync(customerId, ct) : null;
        var d = ts.Diagnose(key, tx, w);

        var run = new TroubleshooterRun { Id = Guid.NewGuid(), Key = key, CustomerId = customerId, TransactionId = tx?.Id, StartedAt = time.GetUtcNow().UtcDateTime };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);

        var locale = HelpQueries.Locale(null);
        var actions = new List<RunAction>(d.Extra);
        foreach (var articleKey in d.ArticleKeys)
            if (await queries.IdByKeyAsync(articleKey, locale, ct) is { } aid)
                actions.Add(new RunAction("article", ts.ArticleLabel(), $"/help/articles/{aid}"));
        actions.Add(new RunAction("solved", ts.SolvedLabel(), $"/api/v1/help/troubleshooters/{key}/runs/{run.Id}/outcome"));
        actions.Add(new RunAction("complaint", ts.ComplainLabel(d.Overdue), ComplaintLink(d, key, ts)));
        return new RunDto(run.Id, key, ts.Title(key), d.Transaction, d.Text, d.Steps, actions, d.Overdue);
    }

    /// <summary>The complaint form, filled in: category, the transaction as evidence, a subject, and the overdue flag.</summary>
    private static string ComplaintLink(Diagnosis d, string key, Troubleshooters ts)
    {
        var q = new List<string> { "category=" + d.ComplaintCategory, "subject=" + Uri.EscapeDataString(ts.Subject(key)) };
        if (d.Transaction is { } t) q.Add("transactionId=" + t.Id);
        if (d.Overdue) q.Add("overdue=1");
        return "/complaints/new?" + string.Join('&', q);
    }

    public async Task RecordOutcomeAsync(Guid customerId, string key, Guid runId, bool? solved, CancellationToken ct)
    {
        if (solved is null) throw AppProblem.Validation("solved", "field.required");
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == runId && r.Key == key && r.CustomerId == customerId, ct)
            ?? throw new AppProblem(ErrorCodes.NotFound);
        run.Solved = solved;
        run.OutcomeAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
