using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Persistence;
using WalletCare.Remedies;
using WalletCare.Testing;
using WalletCare.Wallet;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>The maker–checker and remedy findings of issue #9: limits that cannot be split, refund ceilings, self-approval.</summary>
public abstract class RemedyLimitTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Five_goodwill_credits_of_199_99_by_one_agent_auto_approve_only_the_first()
    {
        var (f, customer, agent, id) = await RemedyKit.SetupAsync(Db);
        await using var _ = f;
        var before = await RemedyKit.AvailableAsync(customer);
        var states = new List<string>();
        for (var i = 0; i < 5; i++)
            states.Add((await (await RemedyKit.Propose(agent, id, "goodwill_credit", 19_999, "split" + i)).ExpectAsync(201)).GetProperty("state").GetString()!);
        Assert.Equal(["executed", "pending_approval", "pending_approval", "pending_approval", "pending_approval"], states);
        Assert.Equal(before + 19_999, await RemedyKit.AvailableAsync(customer));
        // Another agent has an allowance of their own; the next Shanghai day starts afresh.
        var agent2 = await f.ClientForAsync("agent2");
        Assert.Equal("executed", (await (await RemedyKit.Propose(agent2, id, "goodwill_credit", 100, "a2")).ExpectAsync(201)).GetProperty("state").GetString());
        f.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal("executed", (await (await RemedyKit.Propose(agent, id, "goodwill_credit", 19_999, "nextday")).ExpectAsync(201)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Concurrent_proposals_cannot_auto_approve_more_than_the_daily_limit()
    {
        var (f, customer, agent, id) = await RemedyKit.SetupAsync(Db);
        await using var _ = f;
        var before = await RemedyKit.AvailableAsync(customer);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => RemedyKit.Propose(agent, id, "goodwill_credit", 6_000, "par" + i)));
        var states = new List<string>();
        foreach (var r in responses) states.Add((await r.ExpectAsync(201)).GetProperty("state").GetString()!);
        Assert.Equal(3, states.Count(s => s == "executed"));          // 3 × ¥60 = ¥180 ≤ ¥200 < 4 × ¥60
        Assert.Equal(5, states.Count(s => s == "pending_approval"));
        Assert.Equal(before + 18_000, await RemedyKit.AvailableAsync(customer));
    }

    [Fact]
    public async Task A_refund_remedy_never_exceeds_what_is_left_of_a_succeeded_payment()
    {
        var (f, customer, agent, id) = await RemedyKit.SetupAsync(Db);
        await using var _ = f;
        var payment = await RemedyKit.PayAsync(customer, 10_000);
        var over = await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/remedies",
            new { type = "refund", amountMinor = 19_999, transactionId = payment, reason = "退款" }, "over")).ExpectAsync(422, "REFUND_EXCEEDS_REMAINING");
        Assert.Contains("退款", over.GetProperty("title").GetString());
        var agentEn = await f.ClientForAsync("agent1", language: "en-US");
        var en = await (await agentEn.PostJsonAsync($"/api/v1/agent/tickets/{id}/remedies",
            new { type = "refund", amountMinor = 19_999, transactionId = payment, reason = "refund" }, "over-en")).ExpectAsync(422, "REFUND_EXCEEDS_REMAINING");
        Assert.Contains("¥100.00", en.GetProperty("detail").GetString());
        var topup = (await (await customer.GetAsync("/api/v1/wallet/transactions?type=topup&status=succeeded")).ExpectAsync(200)).GetProperty("items").EnumerateArray()
            .First(t => t.GetProperty("type").GetString() == "topup").Id();
        await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/remedies",
            new { type = "refund", amountMinor = 100, transactionId = topup, reason = "退款" }, "topup")).ExpectAsync(422, "REFUND_TARGET_INVALID");
        await (await agentEn.PostJsonAsync($"/api/v1/agent/tickets/{id}/remedies",
            new { type = "refund", amountMinor = 100, transactionId = topup, reason = "refund" }, "topup-en")).ExpectAsync(422, "REFUND_TARGET_INVALID");
    }

    [Fact]
    public async Task Three_refund_remedies_of_one_payment_execute_only_once_whatever_route()
    {
        var (f, customer, agent, id) = await RemedyKit.SetupAsync(Db);
        await using var _ = f;
        var payment = await RemedyKit.PayAsync(customer, 10_000);
        var before = await RemedyKit.AvailableAsync(customer);
        Task<HttpResponseMessage> Refund(string key) => agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/remedies",
            new { type = "refund", amountMinor = 10_000, transactionId = payment, reason = "退款" }, key);
        Assert.Equal("executed", (await (await Refund("r1")).ExpectAsync(201)).GetProperty("state").GetString());
        await (await Refund("r2")).ExpectAsync(422, "REFUND_EXCEEDS_REMAINING");
        // The merchant route counts the remedy too.
        await (await customer.PostJsonAsync($"/api/v1/sim/payments/{payment}/refund", new { amountMinor = 1, toCard = false })).ExpectAsync(409, "REFUND_NOT_ALLOWED");

        // Two more that slipped past the proposal check (as concurrent proposals can), both approved by a supervisor:
        // the approval refuses them, and the wallet refuses them again when the job posts them.
        var sup = await f.ClientForAsync("supervisor1");
        var pending = await RemedyKit.InsertRefundAsync(f, id, Guid.Parse(payment), 10_000, "pending_approval");
        await (await sup.PostAsync($"/api/v1/approvals/{pending}/approve", null)).ExpectAsync(422, "REFUND_EXCEEDS_REMAINING");
        var approved = await RemedyKit.InsertRefundAsync(f, id, Guid.Parse(payment), 10_000, "approved");
        Assert.Equal(0, await f.ScopedAsync(sp => sp.GetRequiredService<RemedyJobs>().ExecuteDueAsync()));
        var remedies = await (await agent.GetAsync($"/api/v1/agent/tickets/{id}/remedies")).ExpectAsync(200);
        var failed = remedies.EnumerateArray().Single(r => r.Id() == approved.ToString());
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Equal("REFUND_EXCEEDS_REMAINING", failed.GetProperty("lastError").GetString());
        Assert.Equal(before + 10_000, await RemedyKit.AvailableAsync(customer));

        // Straight at the wallet, concurrently, under distinct keys: exactly one more can never post.
        var customerId = await f.ScopedAsync(sp => sp.GetRequiredService<RemediesDbContext>().Remedies.Select(r => r.CustomerId).FirstAsync());
        var payment2 = Guid.Parse(await RemedyKit.PayAsync(customer, 5_000));
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => f.ScopedAsync(async sp =>
        {
            try
            {
                await sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(new RemedyPosting("direct:" + i, customerId, RemedyKinds.Refund, 5_000, payment2, "WC"));
                return "ok";
            }
            catch (AppProblem p)
            {
                return p.Code;
            }
        })));
        Assert.Single(results, r => r == "ok");
        Assert.Equal(2, results.Count(r => r == "REFUND_EXCEEDS_REMAINING"));
        Assert.True((await f.ScopedAsync(sp => Wallet.Ledger.LedgerVerifier.VerifyAsync(sp.GetRequiredService<WalletDbContext>(), default))).Ok);
    }

    [Fact]
    public async Task A_supervisors_remedy_above_the_limit_needs_a_different_supervisor()
    {
        var (f, customer, _, id) = await RemedyKit.SetupAsync(Db);
        await using var _ = f;
        var before = await RemedyKit.AvailableAsync(customer);
        var sup = await f.ClientForAsync("supervisor1");
        var r = await (await RemedyKit.Propose(sup, id, "goodwill_credit", 30_000, "sup300")).ExpectAsync(201);
        Assert.Equal("pending_approval", r.GetProperty("state").GetString());
        await (await sup.PostAsync($"/api/v1/approvals/{r.Id()}/approve", null)).ExpectAsync(403, "SELF_APPROVAL_FORBIDDEN");
        var admin = await f.ClientForAsync("admin");
        var approved = await (await admin.PostAsync($"/api/v1/approvals/{r.Id()}/approve", null)).ExpectAsync(200);
        Assert.Equal("executed", approved.GetProperty("state").GetString());
        Assert.Equal(before + 30_000, await RemedyKit.AvailableAsync(customer));
        // The checker-approved ¥300 counts towards supervisor1's day: even ¥1 more needs a checker now.
        Assert.Equal("pending_approval", (await (await RemedyKit.Propose(sup, id, "goodwill_credit", 100, "sup1")).ExpectAsync(201)).GetProperty("state").GetString());
    }
}

public sealed class RemedyLimitTestsSqlite : RemedyLimitTests { protected override Db Db => Db.Sqlite; }
public sealed class RemedyLimitTestsPostgres : RemedyLimitTests { protected override Db Db => Db.Postgres; }
