using WalletCare.Testing;
using Xunit;

namespace WalletCare.Wallet.Tests;

/// <summary>Every test card of SPEC §4 yields its documented outcome, through the HTTP API.</summary>
public sealed class GatewayOutcomeTests : IAsyncLifetime
{
    private WalletCareFactory _f = null!;
    private HttpClient _c = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new WalletCareFactory(Db.Sqlite);
        _c = await _f.ClientForAsync("13800000002");
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Theory]
    [InlineData("6222000000000009", 10_000, "succeeded", null)]
    [InlineData("6222000000000017", 10_000, "failed", "INSUFFICIENT_FUNDS")]
    [InlineData("6222000000000025", 10_000, "failed", "ISSUER_DECLINED")]
    [InlineData("6222000000000033", 500_001, "failed", "CARD_LIMIT_EXCEEDED")]
    [InlineData("6222000000000033", 500_000, "succeeded", null)]
    [InlineData("6222000000000041", 10_000, "unknown", "TIMEOUT")]
    [InlineData("6222000000000058", 10_000, "failed", "NETWORK_ERROR")]
    [InlineData("6222000000000066", 10_000, "failed", "RISK_BLOCKED")]
    [InlineData("6222000000000074", 10_000, "failed", "CARD_LOST_OR_STOLEN")]
    public async Task Top_up_with_each_test_card(string number, long amount, string status, string? code)
    {
        var card = await _c.BindAsync(number);
        Assert.Equal(number[^4..], card.GetProperty("last4").GetString());
        Assert.Equal("UnionPay", card.GetProperty("brand").GetString());
        var before = await _c.AvailableAsync();
        var tx = await _c.TopupAsync(card.GetProperty("id").GetString()!, amount);
        Assert.Equal(status, tx.GetProperty("status").GetString());
        Assert.Equal(code, tx.GetProperty("failureCode").GetString());
        Assert.Equal(before + (status == "succeeded" ? amount : 0), await _c.AvailableAsync());
        if (code is not null) Assert.False(string.IsNullOrEmpty(tx.GetProperty("failureMessage").GetString()));
    }

    [Fact]
    public async Task Expired_card_and_cvv_000_are_refused_at_binding_and_nothing_is_stored()
    {
        await (await _c.PostJsonAsync("/api/v1/wallet/cards", new { number = "6222000000000009", expiry = "10/26", cvv = "123", holderName = "T" })).ExpectAsync(422, "CARD_EXPIRED");
        await (await _c.PostJsonAsync("/api/v1/wallet/cards", new { number = "6222000000000009", expiry = "12/29", cvv = "000", holderName = "T" })).ExpectAsync(422, "BAD_CARD_DATA");
        var bad = await (await _c.PostJsonAsync("/api/v1/wallet/cards", new { number = "6222000000000001", expiry = "12/29", cvv = "123", holderName = "T" })).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(bad.GetProperty("errors").TryGetProperty("number", out _));
        var cards = await (await _c.GetAsync("/api/v1/wallet/cards")).ExpectAsync(200);
        Assert.Equal(2, cards.GetArrayLength()); // the two demo cards only
    }

    [Fact]
    public async Task A_card_in_another_persons_name_is_refused_and_case_or_spacing_of_the_own_name_is_not()
    {
        var me = (await (await _c.GetAsync("/api/v1/me")).ExpectAsync(200)).GetProperty("displayName").GetString()!;
        var refused = await (await _c.PostJsonAsync("/api/v1/wallet/cards", new { number = "6222000000000009", expiry = "12/29", cvv = "123", holderName = "李四" })).ExpectAsync(422, "CARD_HOLDER_MISMATCH");
        Assert.False(string.IsNullOrEmpty(refused.GetProperty("detail").GetString()));
        var spaced = string.Join(" ", me.ToCharArray());
        await (await _c.PostJsonAsync("/api/v1/wallet/cards", new { number = "6222000000000009", expiry = "12/29", cvv = "123", holderName = spaced })).ExpectAsync(201);
        var cards = await (await _c.GetAsync("/api/v1/wallet/cards")).ExpectAsync(200);
        Assert.Equal(3, cards.GetArrayLength()); // the two demo cards and the one in the owner's own name
    }

    [Fact]
    public async Task A_card_that_expires_after_binding_is_declined_as_expired()
    {
        var card = await _c.BindAsync("6222000000000009", expiry: "12/26");
        _f.Time.Advance(TimeSpan.FromDays(40)); // now January 2027; sessions last 7 days, so sign in again
        var c = await _f.ClientForAsync("13800000002");
        var tx = await c.TopupAsync(card.GetProperty("id").GetString()!, 1_000);
        Assert.Equal("CARD_EXPIRED", tx.GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task Timeout_becomes_succeeded_after_two_minutes_by_query_and_is_never_charged_twice()
    {
        var card = await _c.BindAsync("6222000000000041");
        var before = await _c.AvailableAsync();
        var tx = await _c.TopupAsync(card.GetProperty("id").GetString()!, 12_345);
        Assert.Equal("unknown", tx.GetProperty("status").GetString());
        Assert.Equal(0, await _f.JobsAsync(j => j.ResolveUnknownAsync())); // bank still has no answer
        _f.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _f.JobsAsync(j => j.ResolveUnknownAsync()));
        Assert.Equal(0, await _f.JobsAsync(j => j.ResolveUnknownAsync()));
        var id = tx.GetProperty("id").GetString()!;
        var detail = await (await _c.GetAsync($"/api/v1/wallet/transactions/{id}")).ExpectAsync(200);
        Assert.Equal("succeeded", detail.GetProperty("status").GetString());
        Assert.Equal(["pending", "unknown", "succeeded"], detail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString()!).ToArray());
        Assert.Equal(before + 12_345, await _c.AvailableAsync());
        Assert.Equal(1, await _f.TransfersForAsync(id));
    }
}
