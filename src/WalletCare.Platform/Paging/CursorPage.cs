using System.Buffers.Text;
using System.Text;

namespace WalletCare.Platform.Paging;

/// <summary>The list shape of every API: <c>{items, nextCursor}</c>.</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Opaque keyset cursors: "sort key | id", base64url. Clients never parse them.</summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int Limit(int? requested) => Math.Clamp(requested ?? DefaultLimit, 1, MaxLimit);

    public static string Encode(string sortKey, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(sortKey + "|" + id));

    public static string Encode(DateTime sortKey, string id) => Encode(sortKey.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), id);

    public static bool TryDecode(string? cursor, out string sortKey, out string id)
    {
        sortKey = id = "";
        if (string.IsNullOrEmpty(cursor)) return false;
        try
        {
            var s = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var bar = s.LastIndexOf('|');
            if (bar < 0) return false;
            sortKey = s[..bar];
            id = s[(bar + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool TryDecode(string? cursor, out DateTime sortKey, out string id)
    {
        sortKey = default;
        if (!TryDecode(cursor, out string key, out id) || !long.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var ticks)) return false;
        // A crafted cursor may carry any number: outside DateTime's range it is simply not a cursor (never a 500).
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        sortKey = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}
