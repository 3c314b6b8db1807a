using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Notifications.Tests;

public abstract class NotificationCentreTests
{
    protected abstract Db Db { get; }

    private static async Task<string> FirstCaseOfAsync(HttpClient customer) =>
        (await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200)).Items().First().GetProperty("id").GetString()!;

    [Fact]
    public async Task An_agent_reply_to_zhang_weis_case_reaches_his_list_and_not_li_nas()
    {
        await using var f = WalletCareFactory.Create(Db);
        var zhang = await f.ClientForAsync("13800000001");
        var li = await f.ClientForAsync("13800000002");
        var agent = await f.ClientForAsync("agent1");
        var caseId = await FirstCaseOfAsync(zhang);
        var before = (await (await zhang.GetAsync("/api/v1/notifications")).ExpectAsync(200)).GetProperty("unreadCount").GetInt32();

        await (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/replies", new { body = "您好，退款已在处理中。" })).ExpectAsync(201);
        await f.DrainAsync();

        var list = await (await zhang.GetAsync("/api/v1/notifications")).ExpectAsync(200);
        var notice = list.Items().Single(n => n.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("case_reply", notice.GetProperty("kind").GetString());
        Assert.Contains("有新回复", notice.GetProperty("title").GetString());
        Assert.Contains("退款已在处理中", notice.GetProperty("body").GetString());
        Assert.Equal(before + 1, list.GetProperty("unreadCount").GetInt32());
        var liList = await (await li.GetAsync("/api/v1/notifications")).ExpectAsync(200);
        Assert.DoesNotContain(liList.Items(), n => n.GetProperty("caseId").GetString() == caseId);

        // By default case news goes in-app and by e-mail; SMS is skipped until the customer asks for it.
        var zhangId = (await f.ScopedAsync(sp => sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001")))!.Id;
        var rows = (await f.RowsForAsync(zhangId)).Where(r => r.CaseId == Guid.Parse(caseId)).ToList();
        Assert.Equal(OutboxStates.Sent, rows.Single(r => r.Channel == OutboxChannels.Email).State);
        Assert.Equal("skipped", rows.Single(r => r.Channel == OutboxChannels.Sms).State);
        Assert.Single(Directory.GetFiles(Path.Combine(f.DataDirectory, "pickup", "email"), "*.eml"));

        // A status change notifies too; reading it lowers the count; a second read changes nothing.
        await (await agent.PostAsJsonAsync($"/api/v1/agent/tickets/{caseId}/status", new { status = "pending_customer", reason = "请补充截图" })).ExpectAsync(204);
        await f.DrainAsync();
        list = await (await zhang.GetAsync("/api/v1/notifications")).ExpectAsync(200);
        var status = list.Items().First();
        Assert.Equal("case_status", status.GetProperty("kind").GetString());
        Assert.Equal(before + 2, list.GetProperty("unreadCount").GetInt32());
        var id = status.GetProperty("id").GetString();
        await (await zhang.PostAsync($"/api/v1/notifications/{id}/read", null)).ExpectAsync(204);
        await (await zhang.PostAsync($"/api/v1/notifications/{id}/read", null)).ExpectAsync(204);
        Assert.Equal(before + 1, (await (await zhang.GetAsync("/api/v1/notifications")).ExpectAsync(200)).GetProperty("unreadCount").GetInt32());

        // Another customer's notification is 404 and stays unread; staff have no notification list (403).
        var reply = notice.GetProperty("id").GetString();
        await (await li.PostAsync($"/api/v1/notifications/{reply}/read", null)).ExpectAsync(404);
        await (await li.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).ExpectAsync(404);
        Assert.Equal(before + 1, (await (await zhang.GetAsync("/api/v1/notifications")).ExpectAsync(200)).GetProperty("unreadCount").GetInt32());
        await (await agent.GetAsync("/api/v1/notifications")).ExpectAsync(403);
        await (await agent.GetAsync("/api/v1/notifications/preferences")).ExpectAsync(403);
        await (await f.CreateClient().GetAsync("/api/v1/notifications")).ExpectAsync(401);
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_a_cursor()
    {
        await using var f = WalletCareFactory.Create(Db);
        var zhang = await f.ClientForAsync("13800000001");
        var zhangId = (await f.ScopedAsync(sp => sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001")))!.Id;
        for (var i = 0; i < 5; i++)
        {
            await f.EnqueueAsync(OutboxChannels.InApp, "第 " + i + " 条", userId: zhangId, kind: "security_alert");
            f.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await f.DrainAsync();
        var first = await (await zhang.GetAsync("/api/v1/notifications?limit=3")).ExpectAsync(200);
        Assert.Equal(["第 4 条", "第 3 条", "第 2 条"], first.Items().Select(n => n.GetProperty("body").GetString()));
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await zhang.GetAsync($"/api/v1/notifications?limit=3&cursor={cursor}")).ExpectAsync(200);
        Assert.Equal("第 1 条", second.Items().First().GetProperty("body").GetString());
    }

    [Fact]
    public async Task Security_alerts_cannot_be_switched_off_and_a_switched_off_kind_is_not_delivered()
    {
        await using var f = WalletCareFactory.Create(Db);
        var zhang = await f.ClientForAsync("13800000001", language: "en-US");
        var prefs = await (await zhang.GetAsync("/api/v1/notifications/preferences")).ExpectAsync(200);
        var alert = prefs.Items().Single(p => p.GetProperty("kind").GetString() == "security_alert" && p.GetProperty("channel").GetString() == "sms");
        Assert.True(alert.GetProperty("locked").GetBoolean());
        Assert.True(alert.GetProperty("enabled").GetBoolean());

        // Refused as a whole: the case_reply change in the same request is not written either.
        var refused = await (await zhang.PutAsJsonAsync("/api/v1/notifications/preferences", new
        {
            items = new[] { new { kind = "case_reply", channel = "email", enabled = false }, new { kind = "security_alert", channel = "sms", enabled = false } },
        })).ExpectAsync(422, "NOTIFICATION_PREFERENCE_LOCKED");
        Assert.Contains("cannot be switched off", refused.GetProperty("title").GetString());
        await (await zhang.PutAsJsonAsync("/api/v1/notifications/preferences", new { items = new[] { new { kind = "verification_code", channel = "inapp", enabled = false } } }))
            .ExpectAsync(422, "NOTIFICATION_PREFERENCE_LOCKED");
        await (await zhang.PutAsJsonAsync("/api/v1/notifications/preferences", new { items = new[] { new { kind = "lottery", channel = "email", enabled = false } } }))
            .ExpectAsync(400, "VALIDATION_FAILED");
        await (await zhang.PutAsJsonAsync("/api/v1/notifications/preferences", new { items = new[] { new { kind = "case_reply", channel = "fax", enabled = false } } }))
            .ExpectAsync(400, "VALIDATION_FAILED");
        prefs = await (await zhang.GetAsync("/api/v1/notifications/preferences")).ExpectAsync(200);
        Assert.True(prefs.Items().Single(p => p.GetProperty("kind").GetString() == "case_reply" && p.GetProperty("channel").GetString() == "email").GetProperty("enabled").GetBoolean());

        var saved = await (await zhang.PutAsJsonAsync("/api/v1/notifications/preferences", new { items = new[] { new { kind = "case_reply", channel = "inapp", enabled = false } } })).ExpectAsync(200);
        Assert.False(saved.Items().Single(p => p.GetProperty("kind").GetString() == "case_reply" && p.GetProperty("channel").GetString() == "inapp").GetProperty("enabled").GetBoolean());

        // The job applies it: a reply is not put in the list, while a security alert still is.
        var zhangId = (await f.ScopedAsync(sp => sp.GetRequiredService<IUserDirectory>().FindByLoginAsync("13800000001")))!.Id;
        var skipped = await f.EnqueueAsync(OutboxChannels.InApp, "reply", userId: zhangId, kind: "case_reply");
        var alertRow = await f.EnqueueAsync(OutboxChannels.InApp, "new device", userId: zhangId, kind: "security_alert");
        await f.DrainAsync();
        Assert.Equal("skipped", (await f.RowAsync(skipped))!.State);
        Assert.Equal(OutboxStates.Sent, (await f.RowAsync(alertRow))!.State);
        var bodies = (await (await zhang.GetAsync("/api/v1/notifications")).ExpectAsync(200)).Items().Select(n => n.GetProperty("body").GetString()).ToList();
        Assert.Contains("new device", bodies);
        Assert.DoesNotContain("reply", bodies);
    }
}

public sealed class NotificationCentreTestsSqlite : NotificationCentreTests { protected override Db Db => Db.Sqlite; }
public sealed class NotificationCentreTestsPostgres : NotificationCentreTests { protected override Db Db => Db.Postgres; }
