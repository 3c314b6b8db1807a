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
