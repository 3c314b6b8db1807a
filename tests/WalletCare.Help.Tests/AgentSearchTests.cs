using System.Net.Http.Json;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Help.Tests;

public sealed class AgentSearchTests
{
    [Fact]
    public async Task Agents_find_cases_by_number_words_inside_chinese_text_and_customers_by_phone()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.ClientForAsync("13800000001");
        var filed = await (await customer.PostAsJsonAsync("/api/v1/complaints", new
        {
            category = "merchant_dispute", subject = "商家拒绝退货", description = "我在网上买的蓝牙音箱坏了商家拒绝退货还不接电话", transactionIds = Array.Empty<string>(), desiredOutcome = "退款",
        })).ExpectAsync(201);
        var number = filed.GetProperty("number").GetString()!;
        f.Time.Advance(AgentSearch.SyncEvery());

        var agent = await f.ClientForAsync("agent1");
        var byNumber = await (await agent.GetAsync($"/api/v1/agent/search?q={number}")).ExpectAsync(200);
        Assert.Equal(number, byNumber.GetProperty("cases")[0].GetProperty("number").GetString());

        var byWord = await (await agent.GetAsync("/api/v1/agent/search?q=" + Uri.EscapeDataString("音箱"))).ExpectAsync(200);
        var first = byWord.GetProperty("cases")[0];
        Assert.Equal(number, first.GetProperty("number").GetString());
        Assert.Contains("<mark>", first.GetProperty("snippet").GetString()!, StringComparison.Ordinal);
        Assert.Equal("张伟", first.GetProperty("customerName").GetString());

        var byPhone = await (await agent.GetAsync("/api/v1/agent/search?q=13800000001")).ExpectAsync(200);
        var who = byPhone.GetProperty("customers")[0];
        Assert.Equal("张伟", who.GetProperty("name").GetString());
        Assert.DoesNotContain("13800000001", who.GetProperty("phone").GetString()!, StringComparison.Ordinal);

        await (await customer.GetAsync("/api/v1/agent/search?q=x")).ExpectAsync(403);
        await (await f.CreateClient().GetAsync("/api/v1/agent/search?q=x")).ExpectAsync(401);
        await (await agent.GetAsync("/api/v1/agent/search?q=")).ExpectAsync(400);
    }
}

internal static class AgentSearch
{
    public static TimeSpan SyncEvery() => Features.AgentSearchHandler.SyncEvery + TimeSpan.FromSeconds(1);
}
