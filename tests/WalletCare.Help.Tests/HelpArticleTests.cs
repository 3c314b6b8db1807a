using System.Net.Http.Json;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Help.Tests;

public sealed class HelpArticleTests(HelpServer server) : IClassFixture<HelpServer>
{
    private WalletCareFactory F => server.Factory;

    private static object Draft(string title, string body, bool published = false, string key = "") => new
    {
        key = key.Length > 0 ? key : "t_" + Guid.NewGuid().ToString("N")[..10],
        topic = "other", locale = "zh-CN", title, bodyMarkdown = body, tags = "测试", published,
    };

    [Fact]
    public async Task At_least_forty_articles_are_seeded_in_both_languages_under_every_topic()
    {
        var c = F.CreateClient();
        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var topics = await (await c.GetAsync($"/api/v1/help/topics?locale={locale}")).ExpectAsync(200);
            Assert.Equal(10, topics.GetArrayLength());
            Assert.All(topics.EnumerateArray(), t => Assert.NotEqual(0, t.GetProperty("articles").GetArrayLength()));
            Assert.True(topics.EnumerateArray().Sum(t => t.GetProperty("articles").GetArrayLength()) >= 40);
        }
        var seeded = ArticleCatalog.Load();
        Assert.Equal(seeded.Count(s => s.Locale == "zh-CN"), seeded.Count(s => s.Locale == "en-US"));
    }

    [Fact]
    public async Task An_article_with_a_script_tag_renders_without_it()
    {
        var sup = await F.ClientForAsync("supervisor1");
        var a = await (await sup.SaveAsync(Draft("脚本测试", "正文 <script>alert('x')</script> **粗体** <img src=x onerror=alert(1)>", published: true))).ExpectAsync(201);
        var read = await (await F.CreateClient().GetAsync($"/api/v1/help/articles/{a.GetProperty("id").GetString()}")).ExpectAsync(200);
        var html = read.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>粗体</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_invisible_to_customers_and_their_search_and_publishing_needs_a_supervisor()
    {
        var agent = await F.ClientForAsync("agent1");
        var customer = await F.ClientForAsync("13800000001");
        await (await agent.SaveAsync(Draft("草稿", "正文", published: true))).ExpectAsync(403, "HELP_PUBLISH_NOT_ALLOWED");
        var draft = await (await agent.SaveAsync(Draft("鹦鹉螺草稿文章", "鹦鹉螺的正文"))).ExpectAsync(201);
        var id = draft.GetProperty("id").GetString();
        await (await customer.GetAsync($"/api/v1/help/articles/{id}")).ExpectAsync(404);
        await (await F.CreateClient().GetAsync($"/api/v1/help/articles/{id}")).ExpectAsync(404);
        Assert.DoesNotContain("鹦鹉螺", (await customer.SearchAsync("鹦鹉螺")).ToString(), StringComparison.Ordinal);
        await (await agent.GetAsync($"/api/v1/help/articles/{id}")).ExpectAsync(200);

        var sup = await F.ClientForAsync("supervisor1");
        var body = Draft("鹦鹉螺草稿文章", "鹦鹉螺的正文", published: true, key: draft.GetProperty("key").GetString()!);
        await (await sup.SaveAsync(body, Guid.Parse(id!))).ExpectAsync(200);
        await (await customer.GetAsync($"/api/v1/help/articles/{id}")).ExpectAsync(200);
        Assert.Contains(draft.GetProperty("key").GetString()!, (await customer.SearchAsync("鹦鹉螺")).Keys());
        // Once published, what customers read is a supervisor's to change.
        await (await agent.SaveAsync(Draft("改", "改"), Guid.Parse(id!))).ExpectAsync(403, "HELP_PUBLISH_NOT_ALLOWED");
    }

    [Fact]
    public async Task Customers_may_not_write_articles_and_bad_input_writes_nothing()
    {
        var customer = await F.ClientForAsync("13800000001");
        await (await customer.SaveAsync(Draft("客户写的", "正文"))).ExpectAsync(403);
        var agent = await F.ClientForAsync("agent1");
        await (await agent.SaveAsync(new { topic = "nope", locale = "zh-CN", title = "", bodyMarkdown = "x", published = false })).ExpectAsync(400);
        await (await agent.SaveAsync(Draft("重复", "正文", key: "bind_card"))).ExpectAsync(409, "HELP_ARTICLE_EXISTS");
        await (await agent.SaveAsync(Draft("x", "y"), Guid.NewGuid())).ExpectAsync(404);
    }

    [Fact]
    public async Task A_vote_counts_once_per_person_and_can_be_changed()
    {
        var id = HelpKit.ArticleId("fees");
        var a = await F.ClientForAsync("13800000001");
        var b = await F.ClientForAsync("13800000002");
        await (await a.PostAsJsonAsync($"/api/v1/help/articles/{id}/votes", new { helpful = true })).ExpectAsync(200);
        await (await a.PostAsJsonAsync($"/api/v1/help/articles/{id}/votes", new { helpful = true })).ExpectAsync(200);
        var r = await (await b.PostAsJsonAsync($"/api/v1/help/articles/{id}/votes", new { helpful = false })).ExpectAsync(200);
        Assert.Equal(1, r.GetProperty("helpfulCount").GetInt32());
        Assert.Equal(1, r.GetProperty("notHelpfulCount").GetInt32());
        r = await (await b.PostAsJsonAsync($"/api/v1/help/articles/{id}/votes", new { helpful = true })).ExpectAsync(200);
        Assert.Equal(2, r.GetProperty("helpfulCount").GetInt32());
        Assert.Equal(0, r.GetProperty("notHelpfulCount").GetInt32());
        await (await a.PostAsJsonAsync($"/api/v1/help/articles/{id}/votes", new { })).ExpectAsync(400);
        await (await a.PostAsJsonAsync($"/api/v1/help/articles/{Guid.NewGuid()}/votes", new { helpful = true })).ExpectAsync(404);
        await (await F.CreateClient().PostAsJsonAsync($"/api/v1/help/articles/{id}/votes", new { helpful = true })).ExpectAsync(401);
    }

    [Fact]
    public async Task Related_articles_come_from_the_same_topic()
    {
        var read = await (await F.CreateClient().GetAsync($"/api/v1/help/articles/{HelpKit.ArticleId("refund_timeline")}")).ExpectAsync(200);
        var related = read.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("key").GetString()).ToList();
        Assert.Contains("refund_not_received", related);
        Assert.DoesNotContain("refund_timeline", related);
    }
}
