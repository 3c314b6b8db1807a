using System.IO.Compression;
using System.Text;
using WalletCare.Platform.Errors;

namespace WalletCare.Cases.Evidence;

/// <summary>
/// A PDF is evidence to read, never something that acts: one that runs script, launches a program, opens an
/// action on open or carries embedded files is refused (issue #16), and so is an HTML page behind a <c>%PDF-</c>
/// header (a browser sniffing it would run its script). Names are checked after <c>#xx</c> escapes are decoded
/// and inside Flate-compressed streams too, since object streams can hide a catalog's <c>/OpenAction</c>.
/// </summary>
public static class PdfCheck
{
    private static readonly string[] ActiveNames = ["/OpenAction", "/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/AA"];
    private const string Delimiters = "()<>[]{}/%";
    private const int MaxInflated = 32 * 1024 * 1024;

    public static void Require(byte[] pdf)
    {
        var head = Encoding.Latin1.GetString(pdf, 0, Math.Min(pdf.Length, 1024));
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 1024), Math.Min(pdf.Length, 1024));
        if (head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<script", StringComparison.OrdinalIgnoreCase)
            || !tail.Contains("%%EOF", StringComparison.Ordinal))
            throw new AppProblem(CaseErrors.AttachmentType);
        if (HasActive(pdf)) throw new AppProblem(CaseErrors.AttachmentActiveContent);
        var inflated = 0L;
        foreach (var stream in Streams(pdf))
        {
            var plain = Inflate(stream, MaxInflated - inflated);
            if (plain is null) continue;
            inflated += plain.Length;
            if (HasActive(plain)) throw new AppProblem(CaseErrors.AttachmentActiveContent);
        }
    }

    private static bool HasActive(byte[] data)
    {
        var text = DecodeNameEscapes(Encoding.Latin1.GetString(data));
        foreach (var name in ActiveNames)
        {
            for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
            {
                // "/JS" must be the whole name (ended by white space or a delimiter), not the start of "/JSONData" or "/JS-Bold".
                var end = i + name.Length;
                if (end >= text.Length || char.IsWhiteSpace(text[end]) || Delimiters.Contains(text[end])) return true;
            }
        }
        return false;
    }

    /// <summary>"/J#61vaScript" is "/JavaScript" to a reader, so it is to this check.</summary>
    private static string DecodeNameEscapes(string s)
    {
        if (!s.Contains('#', StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '#' && i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                sb.Append((char)Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static List<ArraySegment<byte>> Streams(byte[] pdf)
    {
        var span = pdf.AsSpan();
        var found = new List<ArraySegment<byte>>();
        var at = 0;
        while (true)
        {
            var s = span[at..].IndexOf("stream"u8);
            if (s < 0) return found;
            var start = at + s + 6;
            if (start < pdf.Length && pdf[start] == '\r') start++;
            if (start < pdf.Length && pdf[start] == '\n') start++;
            var e = span[start..].IndexOf("endstream"u8);
            if (e < 0) return found;
            found.Add(new ArraySegment<byte>(pdf, start, e));
            at = start + e + 9;
        }
    }

    /// <summary>The stream inflated, or null when it is not zlib data (images, other filters); bounded against zip bombs.</summary>
    private static byte[]? Inflate(ArraySegment<byte> data, long budget)
    {
        if (data.Count < 2 || data[0] != 0x78) return null;
        try
        {
            using var z = new ZLibStream(new MemoryStream(data.Array!, data.Offset, data.Count), CompressionMode.Decompress);
            using var o = new MemoryStream();
            var buf = new byte[81920];
            int n;
            while ((n = z.Read(buf)) > 0)
            {
                o.Write(buf, 0, n);
                if (o.Length > budget) throw new AppProblem(CaseErrors.AttachmentType);
            }
            return o.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
