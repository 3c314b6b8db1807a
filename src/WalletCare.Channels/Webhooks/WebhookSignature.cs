using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WalletCare.Channels.Domain;

namespace WalletCare.Channels.Webhooks;

/// <summary>
/// X-WalletCare-Timestamp (unix seconds) + X-WalletCare-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)).
/// The timestamp is inside the signature and must be within 5 minutes of our clock, so a captured request
/// cannot be replayed later (Zammad signs without one); the eventId store stops replays inside the window.
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    public static bool Verify(WebhookSource source, string? timestamp, string? signature, byte[] body, DateTime now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)) return false;
        if (unix < 0 || unix > 253_402_300_799) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime).Duration() > Window) return false;
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        var ok = Matches(source.Secret, timestamp, body, given);
        // During a rotation both secrets verify, so a sender can switch without a gap.
        if (source.PreviousSecret is { } old && source.PreviousValidUntil > now) ok |= Matches(old, timestamp, body, given);
        return ok;
    }

    private static bool Matches(string secret, string timestamp, byte[] body, byte[] given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), given);

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
