using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using WalletCare.Cases;
using WalletCare.Cases.Evidence;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;

namespace WalletCare.Server.Cli;

/// <summary>
/// `restore &lt;file&gt;` (server stopped): unpacks a backup archive into a staging folder inside the data
/// directory, checks every file against the manifest and every evidence row of the restored database
/// against its file, and only then swaps the database and the evidence folder into place. Any problem is
/// printed and exits 1 with the data directory untouched. The data being replaced is moved aside to
/// pre-restore-&lt;time&gt;/, never deleted: a restore must not destroy the only copy of anything.
/// </summary>
internal sealed class RestoreVerb(DatabaseSettings db, EvidenceStore evidence, IServiceProvider services, TimeProvider time) : ICliVerb
{
    public string Name => "restore";
    public string Help => "restore <file>: verify a backup archive (SHA-256 of every file) and swap it into the data directory (server stopped)";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        if (args.Length < 1) { output.WriteLine("usage: restore <file>"); return 64; }
        var source = Path.GetFullPath(args[0]);
        if (!File.Exists(source)) { output.WriteLine($"{source} not found"); return 1; }
        Directory.CreateDirectory(db.DataDirectory);
        // Inside the data directory, so the final moves are renames on one file system.
        var staging = Path.Combine(db.DataDirectory, ".restore-" + Guid.NewGuid().ToString("N"));
        try
        {
            var problems = new List<string>();
            await ExtractAsync(source, staging, problems, ct);
            if (problems.Count == 0) await VerifyAsync(staging, problems, output, ct);
            if (problems.Count > 0)
            {
                foreach (var p in problems) output.WriteLine(p);
                output.WriteLine($"{problems.Count} problem(s): nothing restored, the data directory is unchanged");
                return 1;
            }
            var aside = SwapIntoPlace(staging);
            output.WriteLine($"restored {source} into {db.DataDirectory}; " +
                (Directory.Exists(aside) ? $"the data it replaced is in {aside}" : "there was no earlier data to keep"));
            if (db.Provider == DatabaseProvider.Postgres)
                output.WriteLine("PostgreSQL: only evidence was restored; restore the database from the pg_dump taken with this backup");
            return 0;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task ExtractAsync(string source, string staging, List<string> problems, CancellationToken ct)
    {
        try
        {
            await using var file = File.OpenRead(source);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } e)
            {
                if (e.EntryType == TarEntryType.Directory) continue;
                if (e.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !BackupFiles.IsAllowedEntry(e.Name))
                {
                    problems.Add($"REFUSED  {e.Name}: not part of a WalletCare backup");
                    continue;
                }
                var target = Path.Combine(staging, e.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await e.ExtractToFileAsync(target, overwrite: false, ct);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            problems.Add($"UNREADABLE archive: {e.Message}");
        }
    }

    private async Task VerifyAsync(string staging, List<string> problems, TextWriter output, CancellationToken ct)
    {
        var manifest = BackupManifest.Read(Path.Combine(staging, BackupManifest.EntryName));
        if (manifest is null || manifest.Format != BackupManifest.CurrentFormat || manifest.Evidence is null)
        {
            problems.Add($"NOT A BACKUP: no {BackupManifest.EntryName} of format {BackupManifest.CurrentFormat}");
            return;
        }
        var provider = db.Provider.ToString().ToLowerInvariant();
        if (manifest.Provider != provider)
            problems.Add($"PROVIDER archive was made on {manifest.Provider}, this server uses {provider}");

        var stagedDb = Path.Combine(staging, BackupManifest.DatabaseEntry);
        if (manifest.Database is { } want)
            Check(want, File.Exists(stagedDb) ? await BackupFiles.DescribeAsync(stagedDb, want.Path, ct) : null, problems);

        var evidenceRoot = Path.Combine(staging, EvidenceStore.FolderName);
        var actual = new Dictionary<string, BackupFile>(StringComparer.Ordinal);
        foreach (var rel in BackupFiles.EvidenceOnDisk(evidenceRoot))
        {
            var entry = BackupManifest.EvidencePrefix + rel;
            actual[entry] = await BackupFiles.DescribeAsync(Path.Combine(evidenceRoot, rel), entry, ct);
        }
        foreach (var want2 in manifest.Evidence) Check(want2, actual.GetValueOrDefault(want2.Path), problems);
        foreach (var extra in actual.Keys.Except(manifest.Evidence.Select(e => e.Path)))
            problems.Add($"UNLISTED {extra}: in the archive but not in the manifest");

        var rows = await RecordedEvidenceAsync(stagedDb, problems, output, ct);
        if (rows is not null) problems.AddRange(BackupFiles.CheckAgainstRows(rows, actual));
    }

    private static void Check(BackupFile want, BackupFile? got, List<string> problems)
    {
        if (got is null) problems.Add($"MISSING  {want.Path} (listed in the manifest, sha256 {want.Sha256})");
        else if (got.Sha256 != want.Sha256 || got.Size != want.Size)
            problems.Add($"MISMATCH {want.Path}: manifest records sha256 {want.Sha256} ({want.Size} bytes), file has {got.Sha256} ({got.Size} bytes)");
    }

    /// <summary>The evidence rows of the database being restored (SQLite) or of the live one (PostgreSQL, if reachable).</summary>
    private async Task<IReadOnlyList<RecordedEvidence>?> RecordedEvidenceAsync(string stagedDb, List<string> problems, TextWriter output, CancellationToken ct)
    {
        try
        {
            if (db.Provider == DatabaseProvider.Sqlite)
                return File.Exists(stagedDb) ? await EvidenceCatalog.ListSqliteAsync(stagedDb, ct) : null;
            using var scope = services.CreateScope();
            return await EvidenceCatalog.ListAsync(scope.ServiceProvider.GetRequiredService<CasesDbContext>(), ct);
        }
        catch (Exception e) when (db.Provider == DatabaseProvider.Postgres)
        {
            output.WriteLine($"PostgreSQL evidence rows not reachable ({e.Message}); checked against the manifest only");
            return null;
        }
        catch (SqliteException e)
        {
            problems.Add($"DATABASE the restored database cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>Moves the current database and evidence aside, then the staged ones in; undoes the moves made if one fails.</summary>
    private string SwapIntoPlace(string staging)
    {
        SqliteConnection.ClearAllPools();
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var aside = Path.Combine(db.DataDirectory, "pre-restore-" + stamp);
        for (var n = 2; Directory.Exists(aside); n++) aside = Path.Combine(db.DataDirectory, $"pre-restore-{stamp}-{n}");
        var done = new List<(string From, string To)>();
        try
        {
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                var live = Path.GetFullPath(new SqliteConnectionStringBuilder(db.ConnectionString).DataSource);
                foreach (var suffix in new[] { "", "-wal", "-shm" }) Move(live + suffix, Path.Combine(aside, Path.GetFileName(live) + suffix), done);
                foreach (var suffix in new[] { "", "-wal", "-shm" }) Move(Path.Combine(staging, BackupManifest.DatabaseEntry) + suffix, live + suffix, done);
            }
            Move(evidence.Root, Path.Combine(aside, EvidenceStore.FolderName), done);
            Move(Path.Combine(staging, EvidenceStore.FolderName), evidence.Root, done);
            Directory.CreateDirectory(evidence.Root);
            return aside;
        }
        catch
        {
            for (var i = done.Count - 1; i >= 0; i--) Move(done[i].To, done[i].From, null);
            throw;
        }
    }

    private static void Move(string from, string to, List<(string, string)>? done)
    {
        var isDir = Directory.Exists(from);
        if (!isDir && !File.Exists(from)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        if (isDir) Directory.Move(from, to); else File.Move(from, to);
        done?.Add((from, to));
    }
}
