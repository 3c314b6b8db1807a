using WalletCare.Testing;
using Xunit;

namespace WalletCare.Wallet.Tests;

/// <summary>Issue #16: crafted statement ranges, CSV formula injection, hostile text in payments and cards.</summary>
public sealed class WalletHardeningTests
{
    [Theory]
    [InlineData("from=2026-11-01&to=9999-12-31", "to")]
    [InlineData("from=0001-01-01&to=2026-11-30", "from")]
    [InlineData("from=0001-01-01&to=9999-12-31", "from")]
    public async Task Statement_ranges_at_the_ends_of_the_calendar_are_a_field_error_not_a_500(string query, string field)
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var body = await (await c.GetAsync("/api/v1/wallet/statement.csv?" + query)).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task A_formula_in_a_payment_description_is_neutralised_in_the_statement()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var formula = "=HYPERLINK(\"http://x\",\"y\")";
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await c.MerchantAsync(), amountMinor = 100, description = formula }, "csv-1")).ExpectAsync(201);
        await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await c.MerchantAsync(), amountMinor = 100, description = "@SUM(1)" }, "csv-2")).ExpectAsync(201);
        var day = WalletCareFactory.DefaultStart.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = await (await c.GetAsync($"/api/v1/wallet/statement.csv?from={day}&to={day}")).Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1),", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u001Bb")]
    [InlineData("gpj.\u202Eexe")]
    [InlineData("a\u2066b")]
    [InlineData("line\nbreak")]
    public async Task Control_characters_and_bidi_overrides_in_payment_and_card_text_are_refused(string text)
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001");
        var before = await c.AvailableAsync();
        var pay = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await c.MerchantAsync(), amountMinor = 100, description = text }, "ctl")).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(pay.GetProperty("errors").TryGetProperty("description", out _));
        var card = await (await c.PostJsonAsync("/api/v1/wallet/cards", new { number = "4111111111111111", expiry = "12/30", cvv = "123", holderName = text })).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.True(card.GetProperty("errors").TryGetProperty("holderName", out _));
        Assert.Equal(before, await c.AvailableAsync());
    }

    [Fact]
    public async Task An_over_long_description_names_the_field_and_the_limit()
    {
        await using var f = new WalletCareFactory(Db.Sqlite);
        var c = await f.ClientForAsync("13800000001", language: "en-US");
        var body = await (await c.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await c.MerchantAsync(), amountMinor = 100, description = new string('x', 201) }, "long")).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.Equal("At most 200 characters", body.GetProperty("errors").GetProperty("description")[0].GetString());
        var zh = await f.ClientForAsync("13800000001");
        var zhBody = await (await zh.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = await zh.MerchantAsync(), amountMinor = 100, description = new string('x', 201) }, "long-zh")).ExpectAsync(400, "VALIDATION_FAILED");
        Assert.Equal("不能超过 200 个字符", zhBody.GetProperty("errors").GetProperty("description")[0].GetString());
    }
}
