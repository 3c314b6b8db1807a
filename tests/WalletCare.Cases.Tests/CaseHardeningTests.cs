using System.Text.Json;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>Issue #16: every text a customer or staff member writes has a limit the 400 names; hostile characters and dates are refused.</summary>
public sealed class CaseHardeningTests
{
    private static readonly string TooLong = new('长', 2001);

    private static void NamesLimit(JsonElement problem, string field, int limit) =>
        Assert.Equal($"At most {limit} characters", problem.GetProperty("errors").GetProperty(field)[0].GetString());

    [Fact]
    public async Task Every_reason_over_its_limit_is_refused_with_the_field_and_the_limit_and_nothing_is_written()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.NewCustomerAsync();
        customer.DefaultRequestHeaders.AcceptLanguage.Clear();
        customer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var agent = await f.ClientForAsync("agent1", language: "en-US");
        var sup = await f.ClientForAsync("supervisor1", language: "en-US");
        var id = (await customer.FileAsync()).Id();
        var before = await f.EventsAsync(id);

        async Task Refused(HttpClient c, string url, object body, string field, int limit = 2000, string? key = null) =>
            NamesLimit(await (await c.PostJsonAsync(url, body, key)).ExpectAsync(400, "VALIDATION_FAILED"), field, limit);

        await Refused(customer, $"/api/v1/complaints/{id}/cancel", new { reason = TooLong }, "reason");
        await Refused(customer, $"/api/v1/complaints/{id}/reopen", new { reason = TooLong }, "reason");
        await Refused(customer, $"/api/v1/complaints/{id}/escalate", new { reason = TooLong }, "reason");
        await Refused(customer, $"/api/v1/complaints/{id}/messages", new { body = new string('x', 8001) }, "body", 8000);
        await Refused(agent, $"/api/v1/agent/tickets/{id}/status", new { status = "open", reason = TooLong }, "reason");
        await Refused(agent, $"/api/v1/agent/tickets/{id}/replies", new { body = new string('x', 8001) }, "body", 8000);
        await Refused(sup, $"/api/v1/agent/tickets/{id}/regulatory-extension", new { reason = TooLong }, "reason");
        await Refused(sup, $"/api/v1/agent/tickets/{id}/review", new { decision = "uphold", reasoning = TooLong }, "reasoning");
        await Refused(sup, $"/api/v1/agent/tickets/{id}/claim-decision", new { upheld = false, reason = TooLong }, "reason");
        await Refused(agent, $"/api/v1/agent/tickets/{id}/remedies", new { type = "goodwill_credit", amountMinor = 100, reason = TooLong }, "reason", key: "long-1");
        var pending = await (await agent.PostJsonAsync($"/api/v1/agent/tickets/{id}/remedies", new { type = "goodwill_credit", amountMinor = 50_000, reason = "补偿" }, "big")).ExpectAsync(201);
        var afterProposal = await f.EventsAsync(id);
        await Refused(sup, $"/api/v1/approvals/{pending.Id()}/reject", new { reason = TooLong }, "reason");

        Assert.Equal(afterProposal, await f.EventsAsync(id));
        Assert.True(afterProposal - before <= 1, "only the accepted proposal may write");
    }

    [Theory]
    [InlineData("subject", "付款\u0000失败")]
    [InlineData("subject", "\u001B[31m付款失败")]
    [InlineData("subject", "付款失败\u202Etxt.exe")]
    [InlineData("subject", "第一行\n第二行")]
    [InlineData("description", "描述\u0000")]
    [InlineData("description", "描述\u2067隔离")]
    public async Task Control_characters_and_bidi_overrides_in_a_complaint_are_a_field_error(string field, string text)
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.NewCustomerAsync();
        var body = new Dictionary<string, object>
        {
            ["category"] = "payment_failed", ["subject"] = "付款失败", ["description"] = "详细描述", ["transactionIds"] = Array.Empty<string>(),
        };
        body[field] = text;
        var problem = await (await customer.PostJsonAsync("/api/v1/complaints", body)).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_fine_in_multi_line_bodies_but_not_escape_or_overrides()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.NewCustomerAsync();
        var id = (await (await customer.PostJsonAsync("/api/v1/complaints",
            new { category = "payment_failed", subject = "付款失败", description = "第一行\n第二行\t缩进", transactionIds = Array.Empty<string>() })).ExpectAsync(201)).Id();
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/messages", new { body = "补充\r\n说明" })).ExpectAsync(201);
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/messages", new { body = "补充\u001B说明" })).ExpectAsync(400, "VALIDATION_FAILED");
        await (await customer.PostJsonAsync($"/api/v1/complaints/{id}/cancel", new { reason = "不要了\u202E" })).ExpectAsync(400, "VALIDATION_FAILED");
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "2026-11-30T00:00:00Z", "receivedAt")]
    [InlineData("9999-12-31T00:00:00Z", "9999-12-31T23:59:59Z", "receivedAt")]
    [InlineData(null, "0001-01-01T00:00:00Z", "dueAt")]
    [InlineData(null, "9999-12-31T23:59:59Z", "dueAt")]
    [InlineData("2026-11-20T00:00:00Z", "2026-11-19T00:00:00Z", "dueAt")]
    [InlineData("2026-11-20T00:00:00", "2029-11-19T00:00:00", "dueAt")]
    public async Task External_case_dates_outside_a_sane_window_are_refused_and_the_deadline_does_not_move(string? receivedAt, string dueAt, string field)
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var customer = await f.NewCustomerAsync();
        var compliance = await f.ClientForAsync("compliance1");
        var id = (await customer.FileAsync()).Id();
        var due = (await compliance.TicketAsync(id)).ToString();
        var problem = await (await compliance.PostJsonAsync($"/api/v1/agent/tickets/{id}/external-cases",
            new { source = "12315", reference = "12315-2026-0002", receivedAt, dueAt })).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(due, (await compliance.TicketAsync(id)).ToString());
    }
}
