using System.Text.Json;
using WalletCare.Security;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>Issue #9: approved remedies always post (once), claim decisions are all-or-nothing, the customer's dossier is the public view.</summary>
public abstract class RemedyCompletionTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task A_posting_that_fails_after_approval_stays_approved_visibly_and_the_job_completes_it_exactly_once()
    {
        var outage = new WalletOutage { FailuresLeft = 2 };
        var (f, customer, agent, id) = await RemedyKit.SetupAsync(Db, FlakyWalletRemedies.Install(outage));
        await using var _ = f;
        var before = await RemedyKit.AvailableAsync(customer);
        var remedyCountBefore = await RemedyKit.WalletRemedyTransactionsAsync(f);
        var r = await (await RemedyKit.Propose(agent, id, "goodwill_credit", 5_000, "flaky")).ExpectAsync(201);
        Assert.Equal("approved", r.GetProperty("state").GetString());
        Assert.True(r.GetProperty("postingPending").GetBoolean());
        Assert.Equal(1, r.GetProperty("attempts").GetInt32());
        Assert.Contains("injected wallet outage", r.GetProperty("lastError").GetString());

        var sup = await f.ClientForAsync("supervisor1");
        var stuck = await (await sup.GetAsync("/api/v1/approvals?state=approved")).ExpectAsync(200);
        Assert.Contains(stuck.GetProperty("items").EnumerateArray(), i => i.Id() == r.Id());
        await (await agent.GetAsync("/api/v1/approvals?state=approved")).ExpectAsync(403);

        Assert.Equal(0, await RemedyKit.RunJobAsync(f));            // backing off: not due yet
        f.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RemedyKit.RunJobAsync(f));            // second failure
        var after2 = (await (await sup.GetAsync("/api/v1/approvals?state=approved")).ExpectAsync(200)).GetProperty("items")[0];
        Assert.Equal(2, after2.GetProperty("attempts").GetInt32());
        f.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await RemedyKit.RunJobAsync(f));
        Assert.Equal(0, await RemedyKit.RunJobAsync(f));
        f.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await RemedyKit.RunJobAsync(f));

        Assert.Equal(before + 5_000, await RemedyKit.AvailableAsync(customer));
        Assert.Equal(remedyCountBefore + 1, await RemedyKit.WalletRemedyTransactionsAsync(f));
        var done = (await (await agent.GetAsync($"/api/v1/agent/tickets/{id}/remedies")).ExpectAsync(200)).EnumerateArray().Single(x => x.Id() == r.Id());
        Assert.Equal("executed", done.GetProperty("state").GetString());
        Assert.False(done.GetProperty("postingPending").GetBoolean());
        Assert.Equal(0, (await (await sup.GetAsync("/api/v1/approvals?state=approved")).ExpectAsync(200)).GetProperty("items").GetArrayLength());
        Assert.Equal(1, await RemedyKit.AuditCountAsync(f, "remedy.executed"));

        // Approving over the limit while the wallet is down answers 200: approved, posting pending.
        outage.FailuresLeft = 1;
        var big = await (await RemedyKit.Propose(agent, id, "goodwill_credit", 50_000, "big")).ExpectAsync(201);
        var approved = await (await sup.PostAsync($"/api/v1/approvals/{big.Id()}/approve", null)).ExpectAsync(200);
        Assert.Equal("approved", approved.GetProperty("state").GetString());
        Assert.True(approved.GetProperty("postingPending").GetBoolean());
        f.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RemedyKit.RunJobAsync(f));
        Assert.Equal(before + 55_000, await RemedyKit.AvailableAsync(customer));
    }

    [Fact]
    public async Task A_failed_reversal_leaves_no_decision_and_a_retry_after_topping_up_decides_exactly_once()
    {
        await using var f = Db == Db.Postgres ? WalletCareFactory.Create(Db.Postgres) : new WalletCareFactory(Db);
        var customer = await f.NewCustomerAsync();
        var id = (await customer.FileAsync()).Id();
        var agent = await f.ClientForAsync("agent1");
        var sup = await f.ClientForAsync("supervisor1");
        Assert.Equal("executed", (await (await RemedyKit.Propose(agent, id, "provisional_credit", 8_000, "prov")).ExpectAsync(201)).GetProperty("state").GetString());
        await RemedyKit.PayAsync(customer, 8_000); // the customer spends the provisional credit
        Assert.Equal(0, await RemedyKit.AvailableAsync(customer));

        async Task<string?> ProvisionalStateAsync() => (await (await agent.GetAsync($"/api/v1/agent/tickets/{id}/remedies")).ExpectAsync(200)).EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "provisional_credit").GetProperty("state").GetString();
        Task<HttpResponseMessage> Reject() => sup.PostJsonAsync($"/api/v1/agent/tickets/{id}/claim-decision", new { upheld = false, reason = "商户提供了签收证明" });
        await (await Reject()).ExpectAsync(422, "BALANCE_INSUFFICIENT");
        await (await Reject()).ExpectAsync(422, "BALANCE_INSUFFICIENT");
        Assert.Equal(0, await f.EventsAsync(id, "claim_decision"));
        Assert.Equal(0, await RemedyKit.AuditCountAsync(f, "claim.rejected"));
        Assert.Equal("executed", await ProvisionalStateAsync());

        // Topped up again (a goodwill credit here), the same decision goes through once.
        await (await RemedyKit.Propose(agent, id, "goodwill_credit", 8_000, "topup")).ExpectAsync(201);
        Assert.Equal(1, (await (await Reject()).ExpectAsync(200)).GetProperty("reversed").GetInt32());
        Assert.Equal(0, await RemedyKit.AvailableAsync(customer));
        Assert.Equal(1, await f.EventsAsync(id, "claim_decision"));
        Assert.Equal(1, await RemedyKit.AuditCountAsync(f, "claim.rejected"));
        Assert.Equal("reversed", await ProvisionalStateAsync());
        await (await Reject()).ExpectAsync(409, "CLAIM_ALREADY_DECIDED");
        await (await sup.PostJsonAsync($"/api/v1/agent/tickets/{id}/claim-decision", new { upheld = true, reason = "改判" })).ExpectAsync(409, "CLAIM_ALREADY_DECIDED");
        Assert.Equal(1, await f.EventsAsync(id, "claim_decision"));
    }

    [Fact]
    public async Task A_claim_decision_needs_upheld_and_a_supervisor()
    {
        var (f, _, agent, id) = await RemedyKit.SetupAsync(Db);
        await using var _ = f;
        var sup = await f.ClientForAsync("supervisor1");
        var bad = await (await sup.PostJsonAsync($"/api/v1/agent/tickets/{id}/claim-decision", new { reason = "没有结论" })).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(bad.GetProperty("errors").TryGetProperty("upheld", out var upheldErrors) && upheldErrors.GetArrayLength() > 0);
        Assert.Equal(0, await f.EventsAsync(id, "claim_decision"));
        await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/claim-decision", new { upheld = true, reason = "x" })).ExpectAsync(403);
        await (await sup.PostJsonAsync($"/api/v1/agent/tickets/{id}/claim-decision", new { upheld = true, reason = "属实" })).ExpectAsync(200);
        Assert.Equal(1, await f.EventsAsync(id, "claim_decision"));
    }

    [Fact]
    public async Task The_customers_dossier_lists_only_money_that_moved_and_no_internal_reason()
    {
        var (f, customer, agent, id) = await RemedyKit.SetupAsync(Db);
        await using var _ = f;
        await (await RemedyKit.Propose(agent, id, "goodwill_credit", 1_000, "ok", "内部原因甲")).ExpectAsync(201);
        await (await RemedyKit.Propose(agent, id, "goodwill_credit", 50_000, "pending", "内部原因乙")).ExpectAsync(201);
        var rejected = await (await RemedyKit.Propose(agent, id, "goodwill_credit", 60_000, "rejected", "内部原因丙")).ExpectAsync(201);
        var sup = await f.ClientForAsync("supervisor1");
        await (await sup.PostJsonAsync($"/api/v1/approvals/{rejected.Id()}/reject", new { reason = "金额过高" })).ExpectAsync(200);

        var mine = await (await customer.GetAsync($"/api/v1/complaints/{id}/dossier")).ExpectAsync(200);
        var remedies = mine.GetProperty("remedies").EnumerateArray().ToList();
        Assert.Single(remedies);
        Assert.Equal("executed", remedies[0].GetProperty("state").GetString());
        Assert.DoesNotContain(Strings(mine), t => t.Contains("内部原因", StringComparison.Ordinal) || t == "pending_approval" || t == "rejected");
        Assert.Equal(JsonValueKind.Null, remedies[0].GetProperty("reason").ValueKind);

        var staff = await (await agent.GetAsync($"/api/v1/agent/tickets/{id}/dossier")).ExpectAsync(200);
        Assert.Equal(3, staff.GetProperty("remedies").GetArrayLength());
        Assert.Contains("内部原因乙", Strings(staff));
    }

    /// <summary>Every string in the document, decoded (the raw JSON escapes Chinese text).</summary>
    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}

public sealed class RemedyCompletionTestsSqlite : RemedyCompletionTests { protected override Db Db => Db.Sqlite; }
public sealed class RemedyCompletionTestsPostgres : RemedyCompletionTests { protected override Db Db => Db.Postgres; }
