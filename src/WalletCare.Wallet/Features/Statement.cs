using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Wallet.Domain;

namespace WalletCare.Wallet.Features;

/// <summary>GET /statement.csv?from&amp;to: local (Asia/Shanghai) calendar days, UTF-8 with BOM so spreadsheet apps read Chinese.</summary>
public static class Statement
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    internal static async Task<IResult> GetAsync(WalletQueries queries, CurrentUser user, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from is null || to is null || to < from) throw AppProblem.Validation("from", "field.date_range");
        // 0001-01-01 minus the Shanghai offset, or 9999-12-31 plus a day, is outside DateTime: a crafted range is a 400, never a 500.
        if (from < Earliest) throw AppProblem.Validation("from", "field.date_range");
        if (to > Latest) throw AppProblem.Validation("to", "field.date_range");
        var fu = BusinessCalendar.ToUtc(from.Value.ToDateTime(TimeOnly.MinValue));
        var tu = BusinessCalendar.ToUtc(to.Value.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await queries.StatementAsync(user.UserId, fu, tu, ct);
        var sb = new StringBuilder("time_asia_shanghai,id,type,status,amount,currency,counterparty,description,failure_code\n");
        foreach (var t in rows)
        {
            var local = BusinessCalendar.ToLocal(t.CreatedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var sign = t.Type is TxType.Payment or TxType.TransferOut or TxType.Withdrawal or TxType.Reversal ? "-" : "";
            var amount = string.Create(CultureInfo.InvariantCulture, $"{sign}{t.AmountMinor / 100}.{t.AmountMinor % 100:D2}");
            sb.AppendJoin(',', local, t.Id, t.Type, t.Status, amount, t.Currency, Csv(t.Counterparty), Csv(t.Description), Csv(t.FailureCode)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"statement-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }

    /// <summary>
    /// A free-text cell: one that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading
    /// apostrophe (OWASP CSV injection), and one with a separator, quote or line break is quoted.
    /// </summary>
    internal static string Csv(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        if (s[0] is '=' or '+' or '-' or '@' or '\t' or '\r') s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
