using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Errors;

namespace WalletCare.Cases.Evidence;

public sealed record StoredFile(string ContentType, byte[] Content, bool MetadataStripped, string Sha256);

/// <summary>
/// Evidence files: the type is decided by the bytes, never the name (JPEG, PNG, PDF only); images
/// lose their metadata (EXIF with GPS, XMP, comments, text chunks) before anything is stored; the
/// SHA-256 is of the stored bytes, so a dossier can prove what the customer sent.
/// </summary>
public sealed class EvidenceStore(string root, ILogger<EvidenceStore>? log = null)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    /// <summary>The folder under the data directory; backups store evidence under the same relative path.</summary>
    public const string FolderName = "attachments";

    public string Root => root;
    private readonly ILogger _log = log ?? NullLogger<EvidenceStore>.Instance;

    public static string Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8)) return "application/pdf";
        return "";
    }

    public StoredFile Prepare(byte[] data)
    {
        if (data.Length == 0) throw AppProblem.Validation("file", "field.required");
        if (data.Length > MaxBytes) throw new AppProblem(CaseErrors.AttachmentTooLarge, MaxBytes / 1024 / 1024);
        var type = Sniff(data);
        byte[] clean = type switch
        {
            "image/jpeg" => StripJpeg(data),
            "image/png" => StripPng(data),
            "application/pdf" => CheckedPdf(data),
            _ => throw new AppProblem(CaseErrors.AttachmentType),
        };
        return new StoredFile(type, clean, type != "application/pdf", Convert.ToHexStringLower(SHA256.HashData(clean)));
    }

    private static byte[] CheckedPdf(byte[] data)
    {
        PdfCheck.Require(data);
        return data;
    }

    /// <summary>Writes by content hash (same file → same path); returns the relative path.</summary>
    public async Task<string> SaveAsync(StoredFile f, CancellationToken ct)
    {
        var rel = Path.Combine(f.Sha256[..2], f.Sha256);
        var full = Path.Combine(root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (!File.Exists(full))
        {
            var tmp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(tmp, f.Content, ct);
            File.Move(tmp, full, overwrite: true);
        }
        return rel;
    }

    public Task<byte[]> ReadAsync(string relativePath, CancellationToken ct) => File.ReadAllBytesAsync(Path.Combine(root, relativePath), ct);

    /// <summary>
    /// The stored bytes, only if they still hash to what was recorded at upload: evidence that is gone or
    /// altered (a restore without attachments, a damaged disk) is a coded 410, never a 500 and never other bytes.
    /// </summary>
    public async Task<byte[]> ReadVerifiedAsync(CaseAttachment a, CancellationToken ct)
    {
        byte[] bytes;
        try { bytes = await ReadAsync(a.StoragePath, ct); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            _log.LogError("Evidence file {Path} of attachment {AttachmentId} is missing", a.StoragePath, a.Id);
            throw new AppProblem(CaseErrors.EvidenceFileMissing);
        }
        if (!Convert.ToHexStringLower(SHA256.HashData(bytes)).Equals(a.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            _log.LogError("Evidence file {Path} of attachment {AttachmentId} no longer matches its recorded SHA-256", a.StoragePath, a.Id);
            throw new AppProblem(CaseErrors.EvidenceFileCorrupt);
        }
        return bytes;
    }

    /// <summary>Drops APP1–APP15 (EXIF, XMP, ICC…) and COM segments; keeps APP0/JFIF and the image data.</summary>
    public static byte[] StripJpeg(byte[] d)
    {
        using var o = new MemoryStream(d.Length);
        o.Write(d, 0, 2); // SOI
        var i = 2;
        while (i + 4 <= d.Length)
        {
            if (d[i] != 0xFF) throw new AppProblem(CaseErrors.AttachmentType);
            var marker = d[i + 1];
            if (marker == 0xD9) { o.Write(d, i, 2); return o.ToArray(); }
            if (marker == 0xDA) return KeepToEoi(o, d, i);
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { o.Write(d, i, 2); i += 2; continue; }
            var len = BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(i + 2));
            if (len < 2 || i + 2 + len > d.Length) throw new AppProblem(CaseErrors.AttachmentType);
            var drop = marker is (>= 0xE1 and <= 0xEF) or 0xFE;
            if (!drop) o.Write(d, i, 2 + len);
            i += 2 + len;
        }
        throw new AppProblem(CaseErrors.AttachmentType);
    }

    /// <summary>
    /// From the first scan to EOI is image data (entropy-coded bytes never hold FF D9: a data FF is stuffed as FF 00);
    /// anything after EOI — a ZIP, a script — is not part of the picture and is not kept. No EOI: not a whole JPEG.
    /// </summary>
    private static byte[] KeepToEoi(MemoryStream o, byte[] d, int scan)
    {
        var eoi = d.AsSpan(scan).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]);
        if (eoi < 0) throw new AppProblem(CaseErrors.AttachmentType);
        o.Write(d, scan, eoi + 2);
        return o.ToArray();
    }

    /// <summary>Drops textual and EXIF chunks (tEXt, zTXt, iTXt, eXIf, tIME); keeps everything needed to draw the image.</summary>
    public static byte[] StripPng(byte[] d)
    {
        using var o = new MemoryStream(d.Length);
        o.Write(d, 0, 8);
        var i = 8;
        while (i + 12 <= d.Length)
        {
            var len = (int)BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(i));
            if (len < 0 || i + 12 + len > d.Length) throw new AppProblem(CaseErrors.AttachmentType);
            var type = System.Text.Encoding.ASCII.GetString(d, i + 4, 4);
            if (type is not ("tEXt" or "zTXt" or "iTXt" or "eXIf" or "tIME")) o.Write(d, i, 12 + len);
            i += 12 + len;
            if (type == "IEND") return o.ToArray();
        }
        throw new AppProblem(CaseErrors.AttachmentType);
    }
}
