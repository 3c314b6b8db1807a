using WalletCare.Testing;
using Xunit;

namespace WalletCare.Help.Tests;

public sealed class HelpSearchTests(HelpServer server) : IClassFixture<HelpServer>
{
    private WalletCareFactory F => server.Factory;

    [Fact]
    public async Task Tui_qian_finds_the_refund_article_first()
    {
        var c = F.CreateClient();
        var keys = (await c.SearchAsync("退钱")).Keys();
        Assert.StartsWith("refund_", keys[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我昨天充的钱到现在还没到账是怎么回事", "topup_not_arrived")]
    [InlineData("有人盗刷了我的卡我要怎么办", "unauthorized_transaction")]
    [InlineData("银行卡怎么绑定到钱包里面", "bind_card")]
    public async Task A_chinese_sentence_without_spaces_finds_the_right_article(string q, string key)
    {
        var keys = (await F.CreateClient().SearchAsync(q, limit: 3)).Keys();
        Assert.Equal(key, keys[0]);
    }

    [Theory]
    [InlineData("卡")]
    [InlineData("钱")]
    [InlineData("退款")]
    [InlineData("限额")]
    public async Task One_and_two_character_queries_return_results(string q)
    {
        Assert.NotEmpty((await F.CreateClient().SearchAsync(q)).Keys());
    }

    [Fact]
    public async Task English_is_stemmed_and_typo_tolerant()
    {
        var c = F.CreateClient();
        Assert.Equal("refund_timeline", (await c.SearchAsync("how long do refunds take", "en-US")).Keys()[0]);
        Assert.Contains("withdraw_how", (await c.SearchAsync("withdrawl to my bank", "en-US")).Keys());
        Assert.Contains("bind_card", (await c.SearchAsync("bnd a crad", "en-US")).Keys());
    }

    [Fact]
    public async Task Snippets_highlight_the_query_and_carry_no_markup_but_mark()
    {
        var item = (await F.CreateClient().SearchAsync("预授权")).GetProperty("items")[0];
        var snippet = item.GetProperty("snippet").GetString()!;
        Assert.Contains("<mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", snippet.Replace("<mark>", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.True(item.GetProperty("score").GetSingle() > 0);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_is_logged_for_supervisors()
    {
        var c = F.CreateClient();
        Assert.Empty((await c.SearchAsync("xyzzyquux", "en-US")).Keys());
        var sup = await F.ClientForAsync("supervisor1");
        var misses = await (await sup.GetAsync("/api/v1/help/search/misses")).ExpectAsync(200);
        Assert.Contains(misses.EnumerateArray(), m => m.GetProperty("query").GetString() == "xyzzyquux");
        var customer = await F.ClientForAsync("13800000001");
        await (await customer.GetAsync("/api/v1/help/search/misses")).ExpectAsync(403);
        await (await customer.GetAsync("/api/v1/help/search/misses")).ExpectAsync(403);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_query_is_a_validation_problem(string q)
    {
        await (await F.CreateClient().GetAsync($"/api/v1/help/search?q={Uri.EscapeDataString(q)}")).ExpectAsync(400);
    }

    [Fact]
    public async Task A_limit_out_of_range_is_a_validation_problem()
    {
        await (await F.CreateClient().GetAsync("/api/v1/help/search?q=%E9%80%80%E6%AC%BE&limit=500")).ExpectAsync(400);
    }
}
