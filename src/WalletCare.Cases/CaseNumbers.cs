using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace WalletCare.Cases;

/// <summary>
/// Case numbers WC-YYYY-NNNNNN, handed out in process from blocks reserved in case_counters by one short
/// statement of their own. Before, every intake incremented the year's counter row inside its transaction,
/// so the row stayed locked until commit (an fsync on PostgreSQL) and all intakes queued behind it.
/// The block size follows the load: when refills come less than a second apart it doubles (up to 64), when
/// quiet it is 1, so a quiet system numbers densely. Numbers are unique and rise per node; a stopped node's
/// unused numbers and a refused filing's number are skipped (gaps are allowed — docs/decisions.md).
/// </summary>
public sealed class CaseNumbers(TimeProvider time)
{
    private const int MaxBlock = 64;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<int, (long Next, long End)> blocks = [];
    private DateTimeOffset lastRefill = DateTimeOffset.MinValue;
    private int blockSize = 1;

    /// <summary>Takes the next number. Call it outside any open transaction: a refill is its own short write.</summary>
    public async Task<string> NextAsync(CasesDbContext db, int year, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (!blocks.TryGetValue(year, out var block) || block.Next > block.End)
            {
                var now = time.GetUtcNow();
                blockSize = now - lastRefill < TimeSpan.FromSeconds(1) ? Math.Min(blockSize * 2, MaxBlock) : 1;
                lastRefill = now;
                var end = await ReserveAsync(db, year, blockSize, ct);
                block = (end - blockSize + 1, end);
            }
            blocks[year] = (block.Next + 1, block.End);
            return $"WC-{year}-{block.Next:D6}";
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Moves the year's counter on by <paramref name="size"/> and returns the last number reserved.</summary>
    private static async Task<long> ReserveAsync(CasesDbContext db, int year, int size, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? "INSERT INTO case_counters (\"Year\", \"Next\") VALUES ({0}, 0) ON CONFLICT DO NOTHING"
            : "INSERT OR IGNORE INTO case_counters (\"Year\", \"Next\") VALUES ({0}, 0)", [year], ct);
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            await using DbCommand cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE case_counters SET \"Next\" = \"Next\" + @size WHERE \"Year\" = @year RETURNING \"Next\"";
            var p1 = cmd.CreateParameter(); p1.ParameterName = "@size"; p1.Value = size; cmd.Parameters.Add(p1);
            var p2 = cmd.CreateParameter(); p2.ParameterName = "@year"; p2.Value = year; cmd.Parameters.Add(p2);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }
}
