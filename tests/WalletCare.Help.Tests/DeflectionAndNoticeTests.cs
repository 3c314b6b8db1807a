using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Help.Tests;

public sealed class DeflectionAndNoticeTests(HelpServer server) : IClassFixture<HelpServer>
{
    private WalletCareFactory F => server.Factory;

    [Fact]
    public async Task A_complaint_draft_gets_matching_articles_and_troubleshooters_and_both_are_counted()
    {
        var c = await F.ClientForAsync("13800000001");
        var s = await (await c.GetAsync("/api/v1/help/suggestions?text=" + Uri.EscapeDataString("我充的钱一直没到账，银行卡已经扣款了"))).ExpectAsync(200);
        var articles = s.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("key").GetString()).ToList();
        Assert.Contains(articles, k => k!.StartsWith("topup_", StringComparison.Ordinal));
        Assert.Contains(s.GetProperty("troubleshooters").EnumerateArray(), t => t.GetProperty("key").GetString() == "topup_not_arrived");
        await (await c.PostAsJsonAsync("/api/v1/help/suggestions/opened", new { target = "topup_not_arrived" })).ExpectAsync(204);
        await (await c.PostAsJsonAsync("/api/v1/help/suggestions/opened", new { target = "<x>" })).ExpectAsync(400);
        var counts = await F.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<HelpDbContext>();
            return (await db.Deflections.CountAsync(d => d.Kind == "shown"), await db.Deflections.CountAsync(d => d.Kind == "opened"));
        });
        Assert.True(counts.Item1 >= 2);
        Assert.Equal(1, counts.Item2);
        var empty = await (await c.GetAsync("/api/v1/help/suggestions?text=")).ExpectAsync(200);
        Assert.Equal(0, empty.GetProperty("articles").GetArrayLength());
        await (await F.CreateClient().GetAsync("/api/v1/help/suggestions?text=x")).ExpectAsync(401);
    }

    [Fact]
    public async Task Supervisors_announce_an_outage_customers_read_it_in_their_language_and_bad_input_writes_nothing()
    {
        var now = F.Time.GetUtcNow().UtcDateTime;
        var body = new
        {
            kind = "incident", titleZh = "充值通道故障", titleEn = "Top-up outage", bodyZh = "部分银行卡充值失败，正在修复。", bodyEn = "Some card top-ups fail; we are fixing it.",
            features = new[] { "topup" }, startsAt = now.AddMinutes(-5), endsAt = now.AddHours(2),
        };
        await (await (await F.ClientForAsync("agent1")).PostAsJsonAsync("/api/v1/help/announcements", body)).ExpectAsync(403);
        var sup = await F.ClientForAsync("supervisor1");
        await (await sup.PostAsJsonAsync("/api/v1/help/announcements", body with { })).ExpectAsync(201);
        await (await sup.PostAsJsonAsync("/api/v1/help/announcements", new { kind = "party", titleZh = "", features = new[] { "moon" } })).ExpectAsync(400);

        var en = await F.ClientForAsync("13800000001", language: "en-US");
        var list = await (await en.GetAsync("/api/v1/help/announcements")).ExpectAsync(200);
        var item = Assert.Single(list.EnumerateArray(), a => a.GetProperty("title").GetString() == "Top-up outage");
        Assert.True(item.GetProperty("active").GetBoolean());
        Assert.Equal("topup", item.GetProperty("features")[0].GetString());

        F.Time.Advance(TimeSpan.FromHours(3));
        var later = await (await F.CreateClient().GetAsync("/api/v1/help/announcements")).ExpectAsync(200);
        Assert.DoesNotContain(later.EnumerateArray(), a => a.GetProperty("title").GetString() == "充值通道故障");
    }
}

/// <summary>Two nodes over one database: a write on one is found by the other's search once it next compares versions.</summary>
public sealed class MultiNodeSearchTests
{
    [Fact]
    public async Task A_node_picks_up_an_article_published_elsewhere_within_the_check_interval()
    {
        var dir = Directory.CreateTempSubdirectory("wc-help-nodes-").FullName;
        try
        {
            await using var a = new WalletCareFactory(Db.Sqlite, demo: false, dataDirectory: dir);
            _ = a.Server;
            await using var b = new WalletCareFactory(Db.Sqlite, demo: false, dataDirectory: dir);
            _ = b.Server;
            Assert.Empty(await b.SearchDirectAsync("鸭嘴兽", "zh-CN"));

            await a.ScopedAsync(async sp =>
            {
                var db = sp.GetRequiredService<HelpDbContext>();
                var now = a.Time.GetUtcNow().UtcDateTime;
                db.Articles.Add(new Domain.HelpArticle { Id = Guid.NewGuid(), Key = "platypus", Locale = "zh-CN", Topic = "other", Title = "鸭嘴兽",
                    BodyMarkdown = "鸭嘴兽正文", Published = true, CreatedAt = now, UpdatedAt = now.AddSeconds(1) });
                return await db.SaveChangesAsync();
            });
            b.Time.Advance(Search.HelpSearch.CheckEvery + TimeSpan.FromSeconds(1));
            Assert.Equal("platypus", Assert.Single(await b.SearchDirectAsync("鸭嘴兽", "zh-CN")).Key);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
