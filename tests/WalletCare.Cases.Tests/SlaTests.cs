using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases.Sla;
using WalletCare.Testing;
using Xunit;
using static WalletCare.Cases.Tests.CaseTestKit;

namespace WalletCare.Cases.Tests;

public sealed class SlaClockTests
{
    [Fact]
    public async Task P2_filed_Friday_17_00_gets_first_response_due_Monday_12_00()
    {
        await using var f = new WalletCareFactory(Db.Sqlite, start: Shanghai(2026, 11, 20, 17));
        var c = await f.NewCustomerAsync();
        var complaint = await c.FileAsync();
        Assert.Equal("P2", complaint.GetProperty("priority").GetString());
        Assert.Equal(Shanghai(2026, 11, 23, 12), complaint.Time("firstResponseDueAt"));
        Assert.Equal(Shanghai(2026, 11, 20, 17) + TimeSpan.FromDays(15), complaint.Time("regulatoryDueAt"));
        // Resolution: 3 business days = 27 business hours: Fri 1 h + Mon 9 + Tue 9 + Wed 8 → Wednesday 17:00.
        Assert.Equal(Shanghai(2026, 11, 25, 17), complaint.Time("resolutionDueAt"));
    }

    [Fact]
    public async Task The_same_across_the_National_Day_holiday()
    {
        await using var f = new WalletCareFactory(Db.Sqlite, start: Shanghai(2026, 9, 30, 17));
        var complaint = await (await f.NewCustomerAsync()).FileAsync();
        Assert.Equal(Shanghai(2026, 10, 8, 12), complaint.Time("firstResponseDueAt")); // Oct 1–7 off
    }

    [Fact]
    public async Task The_same_across_a_make_up_workday()
    {
        await using var f = new WalletCareFactory(Db.Sqlite, start: Shanghai(2026, 10, 9, 17));
        var complaint = await (await f.NewCustomerAsync()).FileAsync();
        Assert.Equal(Shanghai(2026, 10, 10, 12), complaint.Time("firstResponseDueAt")); // Saturday Oct 10 is a workday (调休)
    }

    [Fact]
    public async Task A_supervisor_calendar_edit_moves_the_deadline()
    {
        await using var f = new WalletCareFactory(Db.Sqlite, start: Shanghai(2026, 11, 20, 17));
        var sup = await f.ClientForAsync("supervisor1");
        await (await sup.PutAsync("/api/v1/admin/calendar/2026-11-23", System.Net.Http.Json.JsonContent.Create(new { kind = "holiday" }))).ExpectAsync(204);
        var agent = await f.ClientForAsync("agent1");
        await (await agent.PutAsync("/api/v1/admin/calendar/2026-11-24", System.Net.Http.Json.JsonContent.Create(new { kind = "holiday" }))).ExpectAsync(403);
        var complaint = await (await f.NewCustomerAsync()).FileAsync();
        Assert.Equal(Shanghai(2026, 11, 24, 12), complaint.Time("firstResponseDueAt"));
    }

    [Fact]
    public async Task Pending_customer_pauses_resolution_but_never_the_regulatory_deadline()
    {
        await using var f = new WalletCareFactory(Db.Sqlite, start: Shanghai(2026, 11, 24, 10)); // Tuesday
        var customer = await f.NewCustomerAsync();
        var agent = await f.ClientForAsync("agent1");
        var complaint = await customer.FileAsync();
        var id = complaint.Id();
        var resolutionDue = complaint.Time("resolutionDueAt");   // Fri 2026-11-27 10:00 (27 business hours)
        var regulatoryDue = complaint.Time("regulatoryDueAt");
        Assert.Equal(Shanghai(2026, 11, 27, 10), resolutionDue);

        await (await agent.StatusAsync(id, "pending_customer", "请提供截图")).ExpectAsync(204);
        f.Time.SetUtcNow(Shanghai(2026, 11, 25, 10)); // one business day (9 business hours) waiting on the customer
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/messages", new { body = "截图已上传" })).ExpectAsync(201);
        var after = await (await customer.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(200);
        Assert.Equal("open", after.GetProperty("status").GetString());
        Assert.Equal(Shanghai(2026, 11, 30, 10), after.Time("resolutionDueAt")); // pushed by 9 business hours (over the weekend)
        Assert.Equal(regulatoryDue, after.Time("regulatoryDueAt"));
    }
}

public abstract class SlaSweepTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Warning_at_75_percent_and_breach_escalates_once_per_level_not_once_per_sweep()
    {
        await using var f = WalletCareFactory.Create(Db, start: Shanghai(2026, 11, 24, 10));
        var complaint = await (await f.NewCustomerAsync()).FileAsync(); // P2: first response due 14:00
        var id = complaint.Id();
        f.Time.SetUtcNow(Shanghai(2026, 11, 24, 13, 10)); // past 75 % (13:00)
        await f.SweepAsync();
        await f.SweepAsync();
        Assert.Equal(1, await f.EventsAsync(id, "sla_warning"));
        f.Time.SetUtcNow(Shanghai(2026, 11, 24, 14, 5));
        for (var i = 0; i < 4; i++) await f.SweepAsync();
        Assert.Equal(1, await f.EventsAsync(id, "sla_breach"));
        var agent = await f.ClientForAsync("agent1");
        var ticket = await agent.TicketAsync(id);
        Assert.Equal(1, ticket.GetProperty("escalationLevel").GetInt32());
        f.Time.SetUtcNow(Shanghai(2026, 11, 25, 10, 5)); // overrun by another full 4 business hours → supervisor
        for (var i = 0; i < 3; i++) await f.SweepAsync();
        Assert.Equal(2, await f.EventsAsync(id, "sla_breach"));
        f.Time.SetUtcNow(Shanghai(2026, 11, 27, 10));
        for (var i = 0; i < 3; i++) await f.SweepAsync();
        Assert.Equal(3, await f.EventsAsync(id, "sla_breach")); // + resolution clock's own first breach, once
        Assert.Equal(2, (await agent.TicketAsync(id)).GetProperty("escalationLevel").GetInt32());
        var breached = await (await agent.GetAsync("/api/v1/agent/queue?view=at_risk")).ExpectAsync(200);
        Assert.Contains(breached.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }
}

public sealed class SlaSweepTestsSqlite : SlaSweepTests { protected override Db Db => Db.Sqlite; }

public sealed class SlaSweepTestsPostgres : SlaSweepTests
{
    protected override Db Db => Db.Postgres;

    [Fact]
    public async Task Two_sweepers_in_parallel_escalate_each_case_exactly_once()
    {
        await using var f = WalletCareFactory.Create(Db.Postgres, start: Shanghai(2026, 11, 24, 10));
        var ids = new List<string>();
        for (var i = 0; i < 12; i++) ids.Add((await (await f.NewCustomerAsync()).FileAsync()).Id());
        f.Time.SetUtcNow(Shanghai(2026, 11, 24, 14, 30)); // every first-response clock breached (warnings skipped past)
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var total = 0;
            for (var k = 0; k < 3; k++) total += await f.ScopedAsync(sp => sp.GetRequiredService<SlaSweeper>().SweepAsync());
            return total;
        })));
        Assert.True(sweeps.Sum() >= 12);
        foreach (var id in ids) Assert.Equal(1, await f.EventsAsync(id, "sla_breach"));
        var escalations = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Escalations.CountAsync());
        Assert.True(escalations >= 12);
    }
}
