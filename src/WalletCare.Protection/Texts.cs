using System.Globalization;
using System.Resources;

namespace WalletCare.Protection;

/// <summary>Texts that leave the request's language: SMS in the recipient's locale, case text for staff (zh-CN).</summary>
internal static class Texts
{
    private static readonly ResourceManager Rm = new("WalletCare.Protection.Resources.ProtectionText", typeof(Texts).Assembly);

    public static string Get(string key, string? locale, params object?[] args)
    {
        var culture = CultureInfo.GetCultureInfo(locale is "en-US" ? "en-US" : "zh-CN");
        var format = Rm.GetString(key, culture) ?? key;
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }
}
