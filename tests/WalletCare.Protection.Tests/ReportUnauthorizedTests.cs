using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases;
using WalletCare.Platform.Contracts;
using WalletCare.Testing;
using Xunit;
using static WalletCare.Protection.Tests.ProtectionKit;

namespace WalletCare.Protection.Tests;

public abstract class ReportUnauthorizedTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Reporting_a_transaction_twice_freezes_once_and_gives_one_P1_case_with_the_session_that_made_it()
    {
        await using var f = WalletCareFactory.Create(Db);
        var id = await f.UserIdAsync(Zhang);
        var thief = await f.ClientForAsync(Zhang);
        var tx = (await thief.PayAsync(8_800)).GetProperty("id").GetString();
        var li = await f.ClientForAsync(Li);
        await (await li.PostJsonAsync($"/api/v1/wallet/transactions/{tx}/report-unauthorized", new { description = "x" })).ExpectAsync(404, "NOT_FOUND");
        Assert.Equal("active", await li.WalletStatusAsync());

        var owner = await f.ClientForAsync(Zhang);
        await (await owner.PostJsonAsync($"/api/v1/wallet/transactions/{tx}/report-unauthorized", new { description = new string('长', 2001) })).ExpectAsync(400);
        Assert.Empty(await f.CasesAsync(id, "unauthorized_transaction"));
        var first = await (await owner.PostJsonAsync($"/api/v1/wallet/transactions/{tx}/report-unauthorized", new { description = "我没有在这家店消费" })).ExpectAsync(200);
        Assert.True(first.GetProperty("frozen").GetBoolean());
        var again = await f.ClientForAsync(Zhang);
        Assert.Equal("frozen", await again.WalletStatusAsync());
        var second = await (await again.PostJsonAsync($"/api/v1/wallet/transactions/{tx}/report-unauthorized", new { description = "再次报告" })).ExpectAsync(200);
        Assert.Equal(first.GetProperty("caseNumber").GetString(), second.GetProperty("caseNumber").GetString());

        var cases = await f.CasesAsync(id, "unauthorized_transaction");
        Assert.Single(cases);
        Assert.Equal("P1", cases[0].Priority);
        // This report started the freeze, so its case is the episode's: no second case for the same incident.
        Assert.Empty(await f.CasesAsync(id, "account_compromised"));

        var caseId = Guid.Parse(first.GetProperty("caseId").GetString()!);
        var (linked, notes) = await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            var l = await db.CaseTransactions.CountAsync(x => x.CaseId == caseId && x.TransactionId == Guid.Parse(tx!));
            var n = await db.Events.Where(e => e.CaseId == caseId && e.Kind == TimelineKinds.InternalNote).Select(e => e.Body).ToListAsync();
            return (l, n);
        });
        Assert.Equal(1, linked);
        var note = Assert.Single(notes);
        var session = await f.ScopedAsync(async sp => await sp.GetRequiredService<WalletCare.Wallet.WalletDbContext>().Transactions
            .Where(t => t.Id == Guid.Parse(tx!)).Select(t => t.SessionId).FirstAsync());
        Assert.NotNull(session);
        Assert.Contains(session.ToString()!, note);

        Assert.Contains("protection.unauthorized_reported", await f.AuditActionsAsync());
        Assert.Equal(0, await f.VerifyAuditAsync());
    }

    [Fact]
    public async Task Money_that_came_in_cannot_be_reported_as_unauthorised()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync(Li);
        var list = await (await c.GetAsync("/api/v1/wallet/transactions?limit=50")).ExpectAsync(200);
        var topup = list.GetProperty("items").EnumerateArray().First(t => t.GetProperty("type").GetString() == "topup").GetProperty("id").GetString();
        await (await c.PostJsonAsync($"/api/v1/wallet/transactions/{topup}/report-unauthorized", new { description = "x" })).ExpectAsync(422, "TRANSACTION_NOT_OUTGOING");
        Assert.Equal("active", await c.WalletStatusAsync());
        var agent = await f.ClientForAsync("agent1");
        await (await agent.PostJsonAsync($"/api/v1/wallet/transactions/{topup}/report-unauthorized", new { description = "x" })).ExpectAsync(403);
    }
}

public sealed class ReportUnauthorizedTestsSqlite : ReportUnauthorizedTests { protected override Db Db => Db.Sqlite; }
public sealed class ReportUnauthorizedTestsPostgres : ReportUnauthorizedTests { protected override Db Db => Db.Postgres; }
