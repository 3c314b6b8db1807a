using PhoneNumbers;

namespace WalletCare.Platform.Privacy;

/// <summary>
/// "+86 138-0000-0001", "0086 13800000001", "138 0000 0001" → "13800000001", the form accounts sign in with.
/// Callers not matched because numbers were not normalised is a known help-desk failure; this is the one place it
/// happens for every area (the hotline and CTI, the emergency freeze by phone).
/// </summary>
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40) return null;
        var s = raw.Trim();
        if (s.StartsWith("00", StringComparison.Ordinal)) s = "+" + s[2..];
        try
        {
            var n = Util.Parse(s, "CN");
            if (!Util.IsPossibleNumber(n)) return null;
            return n.CountryCode == 86 ? Util.GetNationalSignificantNumber(n) : Util.Format(n, PhoneNumberFormat.E164);
        }
        catch (NumberParseException) { return null; }
    }

    /// <summary>138****0001 — what the timeline and the inbox show of a number.</summary>
    public static string Mask(string? phone) => Masking.Phone(phone) ?? "****";
}
