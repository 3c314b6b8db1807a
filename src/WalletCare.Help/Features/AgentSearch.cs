using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Help.Search;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Privacy;

namespace WalletCare.Help.Features;

public sealed record AgentCaseItem(Guid Id, string Number, string Subject, string Status, string Snippet, Guid CustomerId, string? CustomerName, float Score);
public sealed record AgentCustomerItem(Guid Id, string Name, string? Phone);
public sealed record AgentSearchResponse(IReadOnlyList<AgentCaseItem> Cases, IReadOnlyList<AgentCustomerItem> Customers);

/// <summary>GET /api/v1/agent/search?q= — staff search over cases (number, subject, description, messages) and customers (phone, name).</summary>
public static class AgentSearch
{
    public static async Task<Ok<AgentSearchResponse>> Endpoint(string? q, int? limit, AgentSearchHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(q, limit ?? 20, ct));
}

public sealed class AgentSearchHandler(AgentSearchIndex index, ICaseSearchFeed feed, IUserDirectory users, TimeProvider time)
{
    public static readonly TimeSpan SyncEvery = TimeSpan.FromSeconds(5);
    private const int Batch = 2000;

    public async Task<AgentSearchResponse> HandleAsync(string? q, int limit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = Platform.Validation.Text.Check(errors, "q", q, SearchArticles.QueryMax);
        if (limit is < 1 or > SearchArticles.LimitMax) errors["limit"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        await SyncAsync(ct);
        var hits = index.Search(query!, limit);
        var names = await users.GetManyAsync(hits.Select(h => h.CustomerId).Distinct(), ct);
        var cases = hits.Select(h => new AgentCaseItem(h.Id, h.Number, h.Subject, h.Status, h.Snippet, h.CustomerId, names.GetValueOrDefault(h.CustomerId)?.DisplayName, h.Score)).ToList();
        // A phone or e-mail typed in full finds the customer even without a case.
        var customers = names.Values.Where(u => u.Role == "customer").ToList();
        if (await users.FindByLoginAsync(query!, ct) is { Role: "customer" } exact && customers.All(c => c.Id != exact.Id)) customers.Insert(0, exact);
        return new AgentSearchResponse(cases, customers.Select(u => new AgentCustomerItem(u.Id, u.DisplayName, Masking.Phone(u.Phone))).ToList());
    }

    /// <summary>Pulls the cases changed since this node's watermark; one pull at a time, at most every few seconds.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - index.LastSync < SyncEvery) return;
        await index.Gate.WaitAsync(ct);
        try
        {
            index.LastSync = now;
            var limit = Batch;
            while (true)
            {
                var since = index.Watermark;
                var docs = await feed.ChangedSinceAsync(since, limit, ct);
                if (docs.Count == 0) break;
                var who = await users.GetManyAsync(docs.Select(d => d.CustomerId).Distinct(), ct);
                index.Apply(docs, who);
                if (docs.Count < limit) break;
                // A full batch that did not move the watermark (many cases with one UpdatedAt): read wider.
                limit = index.Watermark == since ? limit * 2 : Batch;
            }
        }
        finally { index.Gate.Release(); }
    }
}
