using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using WalletCare.Cases;
using WalletCare.Cases.Evidence;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;

namespace WalletCare.Server.Cli;

/// <summary>
/// `backup &lt;file&gt;`: one .tar.gz with a consistent SQLite snapshot, every evidence file and a manifest of
/// their sizes and SHA-256. Order matters: the database is snapshotted first, then the evidence folder is
/// read. An upload writes its file before its row commits, and files are write-once by hash, so every
/// evidence row in the snapshot has its file in the archive (later uploads only add harmless extra files).
/// On PostgreSQL the database is not in the archive (pg_dump does that, taken before this backup for the
/// same reason); the evidence and the manifest still are, checked against the live evidence rows.
/// </summary>
internal sealed class BackupVerb(DatabaseSettings db, EvidenceStore evidence, IServiceProvider services, TimeProvider time) : ICliVerb
{
    public string Name => "backup";
    public string Help => "backup <file>: .tar.gz of the SQLite database, evidence files and a SHA-256 manifest (PostgreSQL: evidence only, use pg_dump for the database)";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        if (args.Length < 1) { output.WriteLine("usage: backup <file>"); return 64; }
        var target = Path.GetFullPath(args[0]);
        if (File.Exists(target)) { output.WriteLine($"{target} exists; refusing to overwrite"); return 1; }
        var work = Directory.CreateTempSubdirectory("wc-backup-");
        var partial = target + ".partial";
        try
        {
            IReadOnlyList<RecordedEvidence> rows;
            BackupFile? database = null;
            var snapshot = Path.Combine(work.FullName, "walletcare.db");
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                await SnapshotSqliteAsync(snapshot, ct);
                rows = await EvidenceCatalog.ListSqliteAsync(snapshot, ct);
                database = await BackupFiles.DescribeAsync(snapshot, BackupManifest.DatabaseEntry, ct);
            }
            else
            {
                output.WriteLine("PostgreSQL: the database is NOT in this archive; take it with pg_dump before running backup, keep both together");
                using var scope = services.CreateScope();
                rows = await EvidenceCatalog.ListAsync(scope.ServiceProvider.GetRequiredService<CasesDbContext>(), ct);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var files = new Dictionary<string, BackupFile>(StringComparer.Ordinal);
            var problems = new List<string>();
            await using (var stream = File.Create(partial))
            await using (var gzip = new GZipStream(stream, CompressionLevel.Optimal))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false))
            {
                if (database is not null) await tar.WriteEntryAsync(snapshot, BackupManifest.DatabaseEntry, ct);
                foreach (var rel in BackupFiles.EvidenceOnDisk(evidence.Root))
                {
                    var entry = BackupManifest.EvidencePrefix + rel;
                    if (!BackupFiles.IsAllowedEntry(entry)) { problems.Add($"SKIPPED  {entry}: not an evidence file name"); continue; }
                    // Read once: the hash in the manifest is of exactly the bytes written to the archive.
                    var bytes = await File.ReadAllBytesAsync(Path.Combine(evidence.Root, rel), ct);
                    var file = new BackupFile(entry, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
                    await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry) { DataStream = new MemoryStream(bytes) }, ct);
                    files[entry] = file;
                }
                problems.AddRange(BackupFiles.CheckAgainstRows(rows, files));
                var manifest = new BackupManifest(BackupManifest.CurrentFormat, time.GetUtcNow().UtcDateTime,
                    db.Provider.ToString().ToLowerInvariant(), database, files.Values.ToList());
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = new MemoryStream(manifest.ToJson()) }, ct);
            }
            File.Move(partial, target);
            output.WriteLine($"backup written to {target}: {(database is null ? "no database (PostgreSQL)" : $"database {database.Size} bytes")}, {files.Count} evidence files");
            // The archive is still written (evidence that is there is worth keeping), but the exit code tells
            // the operator's scheduler that the source itself has lost evidence.
            foreach (var p in problems) output.WriteLine(p);
            if (problems.Count > 0) output.WriteLine($"{problems.Count} evidence problem(s) in the data directory being backed up");
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    /// <summary>VACUUM INTO reads inside one transaction, so the copy is consistent even while the server writes (WAL).</summary>
    private async Task SnapshotSqliteAsync(string path, CancellationToken ct)
    {
        await using var conn = new SqliteConnection(db.ConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "VACUUM INTO $path";
        cmd.Parameters.AddWithValue("$path", path);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
