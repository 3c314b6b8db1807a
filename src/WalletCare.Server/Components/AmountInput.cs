namespace WalletCare.Server.Components;

/// <summary>
/// Reads an amount a person typed into a money form and says precisely what is wrong with it (issue #17:
/// "1e5", "一百", "12.345" and "100元" all used to get "金额必须大于 0"). Full-width digits from a Chinese
/// input method are accepted: they are the same number, and refusing them would only confuse.
/// </summary>
public static class AmountInput
{
    /// <summary>Null when <paramref name="minor"/> holds a positive amount, else the WalletUi key of the message to show.</summary>
    public static string? Check(string? text, out long minor)
    {
        minor = 0;
        var s = Normalise(text);
        if (string.IsNullOrWhiteSpace(s)) return "amount.required";
        if (!Platform.Money.MoneyText.TryParseYuan(s, out minor))
            return TooManyDecimals(s) ? "amount.decimals" : "amount.format";
        return minor > 0 ? null : "amount.positive";
    }

    /// <summary>Full-width digits, point and comma (０-９ ． ，) to their ASCII forms; everything else unchanged.</summary>
    public static string? Normalise(string? text) => text is null ? null : new string(text.Trim().Select(ch => ch switch
    {
        >= '０' and <= '９' => (char)('0' + (ch - '０')),
        '．' or '。' => '.',
        '，' => ',',
        _ => ch,
    }).ToArray());

    private static bool TooManyDecimals(string s)
    {
        var parts = s.Replace(",", "").Split('.');
        return parts.Length == 2 && parts[0].All(char.IsAsciiDigit) && parts[1].Length > 2 && parts[1].All(char.IsAsciiDigit);
    }
}
