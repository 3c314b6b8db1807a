using System.Net.Http.Json;
using System.Text.Json;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Help.Tests;

/// <summary>Each test gets its own server: some move the clock.</summary>
public sealed class TroubleshooterTests
{
    private static async Task<JsonElement> RunAsync(HttpClient c, string key, object? body = null, int status = 201) =>
        await (await c.PostAsJsonAsync($"/api/v1/help/troubleshooters/{key}/runs", body ?? new { })).ExpectAsync(status);

    private static async Task<string> FirstTransactionAsync(HttpClient c, string type)
    {
        var page = await (await c.GetAsync($"/api/v1/wallet/transactions?type={type}&limit=5")).ExpectAsync(200);
        return page.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_top_up_troubleshooter_explains_the_latest_failed_top_up_in_words_and_offers_a_prefilled_complaint()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var run = await RunAsync(c, "topup_not_arrived");
        var tx = run.GetProperty("transaction");
        Assert.Equal("failed", tx.GetProperty("status").GetString());
        // The demo's latest failed top-up: the declining test card answered "insufficient funds" four days ago.
        Assert.Equal("INSUFFICIENT_FUNDS", tx.GetProperty("failureCode").GetString());
        Assert.Contains("银行卡余额不足", run.GetProperty("diagnosis").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("INSUFFICIENT", run.GetProperty("diagnosis").GetString()!, StringComparison.Ordinal);
        var actions = run.GetProperty("actions").EnumerateArray().ToList();
        var complaint = actions.Single(a => a.GetProperty("kind").GetString() == "complaint").GetProperty("href").GetString()!;
        Assert.Contains("category=topup_failed", complaint, StringComparison.Ordinal);
        Assert.Contains("transactionId=" + tx.GetProperty("id").GetString(), complaint, StringComparison.Ordinal);
        Assert.Contains(actions, a => a.GetProperty("kind").GetString() == "solved");
        Assert.Contains(actions, a => a.GetProperty("kind").GetString() == "article");

        var runId = run.GetProperty("runId").GetString();
        await (await c.PostAsJsonAsync($"/api/v1/help/troubleshooters/topup_not_arrived/runs/{runId}/outcome", new { solved = true })).ExpectAsync(204);
        await (await c.PostAsJsonAsync($"/api/v1/help/troubleshooters/topup_not_arrived/runs/{runId}/outcome", new { })).ExpectAsync(400);
    }

    [Fact]
    public async Task Customer_A_never_sees_customer_B_transaction_or_run()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var a = await f.ClientForAsync("13800000001");
        var b = await f.ClientForAsync("13800000002");
        var bTx = await FirstTransactionAsync(b, "payment");
        foreach (var key in new[] { "payment_failed", "topup_not_arrived", "refund_status", "unrecognised_transaction" })
            await RunAsync(a, key, new { transactionId = bTx }, 404);
        var own = await RunAsync(a, "refund_status");
        Assert.NotEqual(bTx, own.GetProperty("transaction").GetProperty("id").GetString());
        var bRun = await RunAsync(b, "payment_failed");
        await (await a.PostAsJsonAsync($"/api/v1/help/troubleshooters/payment_failed/runs/{bRun.GetProperty("runId").GetString()}/outcome", new { solved = true })).ExpectAsync(404);
    }

    [Fact]
    public async Task Who_may_run_a_troubleshooter()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var list = await (await f.CreateClient().GetAsync("/api/v1/help/troubleshooters")).ExpectAsync(200);
        Assert.Equal(["payment_failed", "topup_not_arrived", "refund_status", "unrecognised_transaction", "identity_verification"],
            list.EnumerateArray().Select(t => t.GetProperty("key").GetString()!).ToArray());
        await RunAsync(f.CreateClient(), "payment_failed", status: 401);
        await RunAsync(await f.ClientForAsync("agent1"), "payment_failed", status: 403);
        await RunAsync(await f.ClientForAsync("13800000001"), "no_such_thing", status: 404);
    }

    [Fact]
    public async Task Payment_failed_explains_the_code_and_identity_reads_the_verification_level()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001", language: "en-US");
        var pay = await RunAsync(c, "payment_failed");
        Assert.Equal("BALANCE_INSUFFICIENT", pay.GetProperty("transaction").GetProperty("failureCode").GetString());
        Assert.Contains("wallet balance was too low", pay.GetProperty("diagnosis").GetString()!, StringComparison.Ordinal);
        var kyc = await RunAsync(c, "identity_verification");
        Assert.Equal(JsonValueKind.Null, kyc.GetProperty("transaction").ValueKind);
        Assert.Contains("verified", kyc.GetProperty("diagnosis").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_past_its_promised_date_says_so_and_the_complaint_is_marked_overdue()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var before = await RunAsync(c, "refund_status");
        Assert.False(before.GetProperty("overdue").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, before.GetProperty("transaction").GetProperty("expectedBy").ValueKind);
        f.Time.Advance(TimeSpan.FromDays(14));
        c = await f.ClientForAsync("13800000001"); // the earlier session has expired by now
        var after = await RunAsync(c, "refund_status");
        Assert.True(after.GetProperty("overdue").GetBoolean());
        var complaint = after.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "complaint");
        Assert.Contains("overdue=1", complaint.GetProperty("href").GetString()!, StringComparison.Ordinal);
        Assert.Contains("category=refund_not_received", complaint.GetProperty("href").GetString()!, StringComparison.Ordinal);
    }
}
