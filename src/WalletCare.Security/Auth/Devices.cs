using System.Net;

namespace WalletCare.Security.Auth;

/// <summary>
/// What counts as "the same device" for new-device alerts: the browser family and operating system read from
/// the user agent (so a browser update is not a new device) plus the network prefix of the address
/// (IPv4 /24, IPv6 /48, so a phone moving between addresses of one provider block is still the same).
/// A sign-in is a new device when the account has signed in before and never with this key.
/// </summary>
public static class Devices
{
    public static string KeyOf(string? userAgent, string? ip) => Name(userAgent) + "|" + Prefix(ip);

    /// <summary>"Chrome · Windows": a short name a person recognises, not the whole user-agent string.</summary>
    public static string Name(string? ua)
    {
        if (string.IsNullOrWhiteSpace(ua)) return "?";
        var os = ua switch
        {
            _ when ua.Contains("iPhone", StringComparison.Ordinal) => "iPhone",
            _ when ua.Contains("iPad", StringComparison.Ordinal) => "iPad",
            _ when ua.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when ua.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when ua.Contains("Mac OS", StringComparison.Ordinal) => "Mac",
            _ when ua.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        var browser = ua switch
        {
            _ when ua.Contains("MicroMessenger", StringComparison.Ordinal) => "WeChat",
            _ when ua.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when ua.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when ua.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => ua.Split('/', ' ')[0] is { Length: > 0 and <= 30 } first ? first : null,
        };
        return (browser, os) switch
        {
            (null, null) => "?",
            (null, _) => os!,
            (_, null) => browser,
            _ => browser + " · " + os,
        };
    }

    public static string Prefix(string? ip)
    {
        if (ip is null || !IPAddress.TryParse(ip, out var a)) return "-";
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        var b = a.GetAddressBytes();
        return b.Length == 4 ? $"{b[0]}.{b[1]}.{b[2]}.0/24" : new IPAddress([.. b[..6], .. new byte[10]]) + "/48";
    }
}
