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
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            // One writer at a time extends the chain: SQLite's BEGIN IMMEDIATE serialises writers;
            // on PostgreSQL an advisory lock held until commit does the same across nodes.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", ct);
            var prev = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? Genesis;
            var at = TruncateToMicros(time.GetUtcNow().UtcDateTime);
            var json = data is null ? "{}" : JsonSerializer.Serialize(data, Json);
            db.AuditEntries.Add(new AuditEntry
            {
                At = at, Actor = actor, Action = action, Subject = subject, DataJson = json, PrevHash = prev,
                Hash = AuditEntry.ComputeHash(prev, at, actor, action, subject, json),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
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
    private static DateTime TruncateToMicros(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
}
