using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Persistence;

namespace WalletCare.Cases.Evidence;

/// <summary>One evidence file as the database recorded it: path relative to the evidence folder, hash, size.</summary>
public sealed record RecordedEvidence(string StoragePath, string Sha256, long SizeBytes);

/// <summary>
/// What evidence the database says exists, for backup and restore to check the files against. It lives in
/// the Cases area so the CLI never reads the case tables itself; it can read the live database or a SQLite
/// snapshot that is not (yet) the configured one, such as a backup being verified before it is moved into place.
/// </summary>
public static class EvidenceCatalog
{
    public static async Task<IReadOnlyList<RecordedEvidence>> ListAsync(CasesDbContext db, CancellationToken ct)
    {
        // Files are stored by content hash, so several attachment rows (a file sent twice) may share one path.
        var rows = await db.Attachments.AsNoTracking()
            .Select(a => new RecordedEvidence(a.StoragePath, a.Sha256, a.SizeBytes)).ToListAsync(ct);
        return rows.DistinctBy(r => r.StoragePath).OrderBy(r => r.StoragePath, StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads the evidence rows of a SQLite file, without pooling so the file is free to move afterwards.</summary>
    public static async Task<IReadOnlyList<RecordedEvidence>> ListSqliteAsync(string databaseFile, CancellationToken ct)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        var settings = new DatabaseSettings { Provider = DatabaseProvider.Sqlite, ConnectionString = cs, DataDirectory = Path.GetDirectoryName(databaseFile)! };
        var options = new DbContextOptionsBuilder<CasesDbContext>();
        DatabaseSetupExtensions.Configure(options, settings, "cases");
        await using var db = new CasesDbContext(options.Options);
        return await ListAsync(db, ct);
    }
}
