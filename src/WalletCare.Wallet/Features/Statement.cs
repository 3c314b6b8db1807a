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
    internal static async Task<IResult> GetAsync(WalletQueries queries, CurrentUser user, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from is null || to is null || to < from) throw AppProblem.Validation("from", "field.date_range");
        var fu = BusinessCalendar.ToUtc(from.Value.ToDateTime(TimeOnly.MinValue));
        var tu = BusinessCalendar.ToUtc(to.Value.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await queries.StatementAsync(user.UserId, fu, tu, ct);
        var sb = new StringBuilder("time_asia_shanghai,id,type,status,amount,currency,counterparty,description,failure_code\n");
        foreach (var t in rows)
        {
            var local = BusinessCalendar.ToLocal(t.CreatedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var sign = t.Type is TxType.Payment or TxType.TransferOut or TxType.Withdrawal or TxType.Reversal ? "-" : "";
            var amount = string.Create(CultureInfo.InvariantCulture, $"{sign}{t.AmountMinor / 100}.{t.AmountMinor % 100:D2}");
            sb.AppendJoin(',', local, t.Id, t.Type, t.Status, amount, t.Currency, Csv(t.Counterparty), Csv(t.Description), t.FailureCode).Append('\n');
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"statement-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }

    // Quoted when needed, and formula-looking cells too, so a statement opened in a spreadsheet cannot run anything.
    private static string Csv(string? s) =>
        s is null ? "" : s.IndexOfAny([',', '"', '\n']) >= 0 || s.StartsWith('=') || s.StartsWith('+') || s.StartsWith('-') || s.StartsWith('@')
            ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
