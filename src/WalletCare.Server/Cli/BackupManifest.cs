using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using WalletCare.Cases.Evidence;

namespace WalletCare.Server.Cli;

/// <summary>One file in a backup archive: path relative to the data directory ('/' separated), size, SHA-256.</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>
/// manifest.json of a backup archive (a .tar.gz): the database snapshot (absent on PostgreSQL, whose
/// database is backed up with pg_dump) and every evidence file with its size and hash, so a restore can
/// prove that what it puts back is byte for byte what was saved.
/// </summary>
public sealed record BackupManifest(string Format, DateTime CreatedAt, string Provider, BackupFile? Database, IReadOnlyList<BackupFile> Evidence)
{
    public const string CurrentFormat = "walletcare-backup/1";
    public const string EntryName = "manifest.json";
    public const string DatabaseEntry = "database/walletcare.db";
    public const string EvidencePrefix = EvidenceStore.FolderName + "/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest, or null when it is absent or not valid JSON (then the archive is not one of ours).</summary>
    public static BackupManifest? Read(string file)
    {
        try { return File.Exists(file) ? JsonSerializer.Deserialize<BackupManifest>(File.ReadAllBytes(file), Json) : null; }
        catch (JsonException) { return null; }
    }
}

internal static partial class BackupFiles
{
    /// <summary>Evidence is content-addressed: attachments/ab/abcdef… (two hex, then the 64-hex SHA-256).</summary>
    [GeneratedRegex("^attachments/([0-9a-f]{2})/\\1[0-9a-f]{62}$")]
    private static partial Regex EvidencePath();

    /// <summary>The only entries a restore accepts, so an archive can never write outside its staging folder.</summary>
    public static bool IsAllowedEntry(string name) =>
        name is BackupManifest.EntryName or BackupManifest.DatabaseEntry || EvidencePath().IsMatch(name);

    public static string ToEntryPath(string relative) => relative.Replace('\\', '/');

    public static async Task<BackupFile> DescribeAsync(string fullPath, string entryPath, CancellationToken ct)
    {
        await using var s = File.OpenRead(fullPath);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(s, ct));
        return new BackupFile(entryPath, s.Length, hash);
    }

    /// <summary>The evidence files on disk, relative to the evidence folder; in-flight writes (*.tmp) are not evidence yet.</summary>
    public static IEnumerable<string> EvidenceOnDisk(string root) => !Directory.Exists(root) ? [] :
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => ToEntryPath(Path.GetRelativePath(root, f)))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Compares the evidence rows of the database with the files (path → description) and returns one line per
    /// file that is missing or whose bytes are not what the row recorded.
    /// </summary>
    public static IEnumerable<string> CheckAgainstRows(IReadOnlyList<RecordedEvidence> rows, IReadOnlyDictionary<string, BackupFile> files)
    {
        foreach (var row in rows)
        {
            var path = BackupManifest.EvidencePrefix + ToEntryPath(row.StoragePath);
            if (!files.TryGetValue(path, out var f)) yield return $"MISSING  {path} (recorded in the database, sha256 {row.Sha256})";
            else if (!f.Sha256.Equals(row.Sha256, StringComparison.OrdinalIgnoreCase) || f.Size != row.SizeBytes)
                yield return $"MISMATCH {path}: database records sha256 {row.Sha256} ({row.SizeBytes} bytes), file has {f.Sha256} ({f.Size} bytes)";
        }
    }
}
