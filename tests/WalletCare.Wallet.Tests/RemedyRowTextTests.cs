using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Wallet.Tests;

/// <summary>
/// Issue #10: a remedy's wallet row used to show its kind code ("goodwill_credit") as the counterparty.
/// Whatever a person reads in the transaction list must be words in their language, not keys or raw fen.
/// </summary>
public abstract partial class RemedyRowTextTests
{
    protected abstract Db Db { get; }

    private static readonly string[] HumanFields = ["counterparty", "description", "failureTitle", "failureMessage", "nextSteps"];

    [GeneratedRegex("[A-Za-z0-9]+_[A-Za-z0-9_]+")]
    private static partial Regex CodeKey();

    [Theory]
    [InlineData("zh-CN", "补偿：商誉补偿", "补偿：临时入账", "补偿：临时入账撤回")]
    [InlineData("en-US", "Remedy: goodwill credit", "Remedy: provisional credit", "Remedy: provisional credit reversed")]
    public async Task Transaction_list_after_remedies_shows_no_codes_or_bare_fen(string language, string goodwill, string provisional, string reversal)
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000001", language: language);
        var id = await f.UserIdAsync("13800000001");
        var credit = new RemedyPosting("remedy:text-1", id, RemedyKinds.GoodwillCredit, 1_234, null, "WC-2026-000001");
        await f.ScopedAsync(sp => sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(credit));
        await f.ScopedAsync(sp => sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(credit with { IdempotencyKey = "remedy:text-2", Kind = RemedyKinds.ProvisionalCredit, AmountMinor = 5_678 }));
        await f.ScopedAsync(sp => sp.GetRequiredService<IWalletRemedies>().PostRemedyAsync(credit with { IdempotencyKey = "remedy:text-3", Kind = RemedyKinds.ProvisionalReversal, AmountMinor = 5_678 }));

        var page = await (await c.GetAsync("/api/v1/wallet/transactions?limit=100")).ExpectAsync(200);
        var rows = page.GetProperty("items").EnumerateArray().ToList();
        var shown = rows.Select(r => r.GetProperty("counterparty").GetString()).ToHashSet();
        Assert.Contains(goodwill, shown);
        Assert.Contains(provisional, shown);
        Assert.Contains(reversal, shown);
        foreach (var row in rows)
        {
            foreach (var field in HumanFields)
            {
                if (row.GetProperty(field).ValueKind != JsonValueKind.String) continue;
                var text = row.GetProperty(field).GetString()!;
                Assert.False(CodeKey().IsMatch(text), $"{language} {field} shows a code: {text}");
                Assert.DoesNotMatch("(?<![0-9])(1234|5678)(?![0-9])", text);
            }
        }

        // The detail and the statement name the remedy the same way.
        var goodwillId = rows.First(r => r.GetProperty("counterparty").GetString() == goodwill).GetProperty("id").GetString();
        var detail = await (await c.GetAsync($"/api/v1/wallet/transactions/{goodwillId}")).ExpectAsync(200);
        Assert.Equal(goodwill, detail.GetProperty("counterparty").GetString());
        var day = f.Time.GetUtcNow().UtcDateTime.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = await (await c.GetAsync($"/api/v1/wallet/statement.csv?from={day}&to={day}")).Content.ReadAsStringAsync();
        Assert.Contains(goodwill, csv);
        Assert.DoesNotContain(RemedyKinds.GoodwillCredit, csv);
    }
}

public sealed class RemedyRowTextTestsSqlite : RemedyRowTextTests { protected override Db Db => Db.Sqlite; }
public sealed class RemedyRowTextTestsPostgres : RemedyRowTextTests { protected override Db Db => Db.Postgres; }
