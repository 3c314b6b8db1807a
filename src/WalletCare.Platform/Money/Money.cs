using System.Globalization;

namespace WalletCare.Platform.Money;

/// <summary>An amount in integer minor units (fen for CNY). Never floating point.</summary>
public readonly record struct Money(long Minor, string Currency)
{
    public const string CnyCode = "CNY";

    public static Money Zero(string currency = CnyCode) => new(0, currency);
    public static Money Cny(long minor) => new(minor, CnyCode);

    public bool IsNegative => Minor < 0;

    public static Money operator +(Money a, Money b) => new(checked(a.Minor + b.Minor), SameCurrency(a, b));
    public static Money operator -(Money a, Money b) => new(checked(a.Minor - b.Minor), SameCurrency(a, b));
    public static Money operator -(Money a) => new(checked(-a.Minor), a.Currency);

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidOperationException($"Currency mismatch: {a.Currency} vs {b.Currency}");

    /// <summary>Formats "¥1,234.56" style text without going through floating point.</summary>
    public string Format()
    {
        var sign = Minor < 0 ? "-" : "";
        var abs = Math.Abs(Minor);
        var symbol = Currency == CnyCode ? "¥" : Currency + " ";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{symbol}{abs / 100:N0}.{abs % 100:D2}");
    }

    public override string ToString() => Format();
}

public static class MoneyText
{
    /// <summary>Parses "12", "12.3", "12.34", "1,234.50" yuan into fen without floating point.</summary>
    public static bool TryParseYuan(string? text, out long minor)
    {
        minor = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().Replace(",", "").Replace("¥", "").Replace("￥", "");
        var parts = s.Split('.');
        if (parts.Length > 2 || parts[0].Length is 0 or > 12 || !parts[0].All(char.IsAsciiDigit)) return false;
        var frac = parts.Length == 2 ? parts[1] : "";
        if (frac.Length > 2 || !frac.All(char.IsAsciiDigit)) return false;
        minor = long.Parse(parts[0], CultureInfo.InvariantCulture) * 100 + (frac.Length == 0 ? 0 : int.Parse(frac.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return true;
    }
}
