using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Persistence;

namespace WalletCare.Platform.Audit;

/// <summary>One link of the append-only, hash-chained audit log. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string DataJson { get; set; } = "{}";
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }

    public static string ComputeHash(string prevHash, DateTime at, string actor, string action, string subject, string data)
    {
        var canonical = string.Join('\u001f', prevHash, at.ToUniversalTime().ToString("O"), actor, action, subject, data);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public interface IAuditLog
{
    /// <summary>Appends an event. <paramref name="actor"/> is a user id or "system".</summary>
    Task WriteAsync(string actor, string action, string subject, object? data = null, CancellationToken ct = default);
}

public sealed record AuditVerification(bool Ok, long Checked, long? FirstBrokenId, string Message);

public sealed class AuditLog(PlatformDbContext db, TimeProvider time) : IAuditLog
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task WriteAsync(string actor, string action, string subject, object? data = null, CancellationToken ct = default)
    {
        var at = TruncateToMicros(time.GetUtcNow().UtcDateTime);
        var json = data is null ? "{}" : JsonSerializer.Serialize(data, Json);
        await AppendAsync(new AuditPending { At = at, Actor = actor, Action = action, Subject = subject, DataJson = json }, ct);
    }

    /// <summary>
    /// Links every pending line (written in its cause's transaction) into the chain, oldest first, and
    /// removes it from the pending table in the same transaction. Returns how many were linked.
    /// </summary>
    public Task<int> ChainPendingAsync(CancellationToken ct = default) => AppendAsync(null, ct);

    private async Task<int> AppendAsync(AuditPending? extra, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // One writer at a time extends the chain: SQLite's BEGIN IMMEDIATE serialises writers;
            // on PostgreSQL an advisory lock held until commit does the same across nodes.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", ct);
            var prev = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? Genesis;
            var pending = await db.AuditPending.AsNoTracking().OrderBy(p => p.Id).Take(2000).ToListAsync(ct);
            var linked = 0;
            foreach (var p in extra is null ? pending : pending.Append(extra))
            {
                var hash = AuditEntry.ComputeHash(prev, p.At, p.Actor, p.Action, p.Subject, p.DataJson);
                db.AuditEntries.Add(new AuditEntry { At = p.At, Actor = p.Actor, Action = p.Action, Subject = p.Subject, DataJson = p.DataJson, PrevHash = prev, Hash = hash });
                prev = hash;
                linked++;
            }
            if (pending.Count > 0)
            {
                // By id, not by range: on PostgreSQL a lower id may still be uncommitted and is linked next time.
                var ids = pending.Select(p => p.Id).ToList();
                await db.AuditPending.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(ct);
            }
            if (linked > 0) await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return linked;
        });
    }

    /// <summary>Walks the whole chain, recomputing every hash and link.</summary>
    public static async Task<AuditVerification> VerifyAsync(PlatformDbContext db, CancellationToken ct = default)
    {
        var prev = Genesis;
        long n = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(5000).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var e in batch)
            {
                if (e.PrevHash != prev)
                    return new(false, n, e.Id, $"entry {e.Id}: link to previous entry is broken");
                if (AuditEntry.ComputeHash(e.PrevHash, e.At, e.Actor, e.Action, e.Subject, e.DataJson) != e.Hash)
                    return new(false, n, e.Id, $"entry {e.Id}: content does not match its hash");
                prev = e.Hash;
                n++;
                lastId = e.Id;
            }
        }
        return new(true, n, null, $"{n} audit entries verified");
    }

    // PostgreSQL keeps microseconds; truncate so the hash recomputes identically after a round trip.
    internal static DateTime TruncateToMicros(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
}
