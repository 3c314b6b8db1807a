using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases;
using WalletCare.Platform.Contracts;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Channels.Tests;

/// <summary>Signed inbound webhooks (SPEC §8) and the CTI webhook.</summary>
public abstract class WebhookTests
{
    protected abstract Db Db { get; }

    private static string Complaint(string eventId, string reference, string phone = "13800000002", DateTimeOffset? dueAt = null, string type = "complaint.created") =>
        JsonSerializer.Serialize(new
        {
            eventId, type, externalReference = reference, customer = new { phone }, subject = "微博投诉：退款未到账", body = "博主反映退款一周未到账", dueAt,
        });

    [Fact]
    public async Task Forged_expired_and_replayed_events_are_refused_and_the_same_event_twice_is_one_case()
    {
        await using var f = WalletCareFactory.Create(Db);
        var json = Complaint("wb-1", "WB-20261124-1");
        await (await f.PostSignedAsync("/api/v1/channels/webhooks/weibo", json, "not-the-secret")).ExpectAsync(401, "CHANNEL_SIGNATURE_INVALID");
        await (await f.PostSignedAsync("/api/v1/channels/webhooks/weibo", json, "demo-weibo-secret", f.Time.GetUtcNow().AddMinutes(-6))).ExpectAsync(401);
        await (await f.PostSignedAsync("/api/v1/channels/webhooks/nosuch", json, "demo-weibo-secret")).ExpectAsync(401);
        // A signature over another body (a replayed signature on an altered event) does not verify either.
        var ts = f.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var other = Webhooks.WebhookSignature.Sign("demo-weibo-secret", ts, System.Text.Encoding.UTF8.GetBytes(Complaint("wb-0", "X")));
        await (await f.PostSignedAsync("/api/v1/channels/webhooks/weibo", json, "demo-weibo-secret", signature: other)).ExpectAsync(401);
        Assert.Equal(0, await f.Db(db => db.Events.CountAsync()));

        var first = await (await f.PostSignedAsync("/api/v1/channels/webhooks/weibo", json, "demo-weibo-secret")).ExpectAsync(200);
        Assert.Equal("case", first.GetProperty("outcome").GetString());
        var again = await (await f.PostSignedAsync("/api/v1/channels/webhooks/weibo", json, "demo-weibo-secret")).ExpectAsync(200);
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("caseId").GetString(), again.GetProperty("caseId").GetString());
        var c = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.SingleAsync(x => x.ExternalReference == "WB-20261124-1"));
        Assert.Equal("social", c.Channel);
        Assert.Equal("weibo", c.ExternalSource);

        // The same new event delivered five times at once (a sender retrying on a timeout): one event row, one case.
        var burst = Complaint("wb-2", "WB-20261124-2");
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => f.PostSignedAsync("/api/v1/channels/webhooks/weibo", burst, "demo-weibo-secret")));
        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await f.Db(db => db.Events.CountAsync(e => e.EventId == "wb-2")));
        Assert.Equal(1, await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.CountAsync(x => x.ExternalReference == "WB-20261124-2")));
    }

    [Fact]
    public async Task A_12315_event_with_an_earlier_due_date_tightens_the_regulatory_deadline()
    {
        await using var f = WalletCareFactory.Create(Db);
        var first = await (await f.PostSignedAsync("/api/v1/channels/webhooks/12315", Complaint("r-1", "12315-0001"), "demo-12315-secret")).ExpectAsync(200);
        var id = Guid.Parse(first.GetProperty("caseId").GetString()!);
        var before = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.Where(x => x.Id == id).Select(x => x.RegulatoryDueAt).FirstAsync());
        var due = new DateTimeOffset(before.AddDays(-3), TimeSpan.Zero);
        var update = await (await f.PostSignedAsync("/api/v1/channels/webhooks/12315", Complaint("r-2", "12315-0001", dueAt: due, type: "complaint.updated"),
            "demo-12315-secret")).ExpectAsync(200);
        Assert.Equal(id.ToString(), update.GetProperty("caseId").GetString());
        var c = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.SingleAsync(x => x.Id == id));
        Assert.Equal(due.UtcDateTime, c.RegulatoryDueAt);
        Assert.Equal("regulator", c.Channel);
    }

    [Fact]
    public async Task A_cti_call_from_any_format_of_zhang_weis_number_lands_on_his_open_case_and_unknown_numbers_wait_for_a_match()
    {
        await using var f = WalletCareFactory.Create(Db);
        var open = await f.ScopedAsync(async sp =>
        {
            var user = await sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001");
            return await sp.GetRequiredService<ICaseIntake>().FindOpenCaseAsync(user!.Id);
        });
        Assert.NotNull(open);
        var call = JsonSerializer.Serialize(new { eventId = "call-1", phone = "+86 138-0000-0001", direction = "inbound", durationSeconds = 95, ivrChoice = "2", summary = "询问退款进度" });
        var res = await (await f.PostSignedAsync("/api/v1/channels/cti", call, "demo-cti-secret")).ExpectAsync(200);
        Assert.Equal("logged", res.GetProperty("outcome").GetString());
        Assert.Equal(open.Id.ToString(), res.GetProperty("caseId").GetString());
        var agent = await f.ClientForAsync("agent1");
        var ticket = await (await agent.GetAsync($"/api/v1/agent/tickets/{open.Id}")).ExpectAsync(200);
        var text = ticket.ToString();
        Assert.Contains("138****0001", text);
        Assert.DoesNotContain("13800000001", text.Replace("\"phone\":\"13800000001\"", ""));

        var unknown = JsonSerializer.Serialize(new { eventId = "call-2", phone = "021 6123 4567", durationSeconds = 30 });
        Assert.Equal("unmatched", (await (await f.PostSignedAsync("/api/v1/channels/cti", unknown, "demo-cti-secret")).ExpectAsync(200)).GetProperty("outcome").GetString());
        // The CTI secret does not open the complaint webhooks, nor a complaint source's secret the CTI.
        await (await f.PostSignedAsync("/api/v1/channels/cti", unknown, "demo-weibo-secret")).ExpectAsync(401);
    }

    [Fact]
    public async Task Admin_rotates_a_secret_and_both_verify_during_the_overlap_only()
    {
        await using var f = WalletCareFactory.Create(Db);
        var agent = await f.ClientForAsync("agent1");
        await (await agent.GetAsync("/api/v1/admin/channel-sources")).ExpectAsync(403);
        var admin = await f.ClientForAsync("admin");
        var list = await (await admin.GetAsync("/api/v1/admin/channel-sources")).ExpectAsync(200);
        Assert.DoesNotContain("demo-heimao-secret", list.ToString());
        await (await admin.PostAsJsonAsync("/api/v1/admin/channel-sources", new { name = "Bad Name!", kind = "social" })).ExpectAsync(400);
        var rotated = await (await admin.PostAsJsonAsync("/api/v1/admin/channel-sources/heimao/rotate", new { overlapMinutes = 60 })).ExpectAsync(200);
        var secret = rotated.GetProperty("secret").GetString()!;
        await (await f.PostSignedAsync("/api/v1/channels/webhooks/heimao", Complaint("h-1", "HM-1"), "demo-heimao-secret")).ExpectAsync(200);
        await (await f.PostSignedAsync("/api/v1/channels/webhooks/heimao", Complaint("h-2", "HM-2"), secret)).ExpectAsync(200);
        f.Time.Advance(TimeSpan.FromMinutes(61));
        await (await f.PostSignedAsync("/api/v1/channels/webhooks/heimao", Complaint("h-3", "HM-3"), "demo-heimao-secret")).ExpectAsync(401);
        await (await f.PostSignedAsync("/api/v1/channels/webhooks/heimao", Complaint("h-4", "HM-4"), secret)).ExpectAsync(200);
    }
}

public sealed class WebhookTestsSqlite : WebhookTests { protected override Db Db => Db.Sqlite; }
public sealed class WebhookTestsPostgres : WebhookTests { protected override Db Db => Db.Postgres; }
