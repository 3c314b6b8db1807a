using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace WalletCare.Platform.Audit;

/// <summary>
/// An audit line written in the SAME transaction as the change it records, not yet linked into the hash
/// chain. A crash after the commit can no longer lose it: the single appender (<see cref="AuditLog.ChainPendingAsync"/>,
/// run by <see cref="AuditChainJob"/>, by every <see cref="IAuditLog.WriteAsync"/> and by verify-audit) links it later.
/// Every area that records this way maps the table into its own context (<see cref="AuditModel.MapAuditPending"/>).
/// </summary>
public sealed class AuditPending
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string DataJson { get; set; } = "{}";
}

public static class AuditModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the pending table into an area's context; only the platform context owns its migration.</summary>
    public static void MapAuditPending(this ModelBuilder b, bool ownsMigration = false) => b.Entity<AuditPending>(e =>
    {
        e.ToTable("audit_pending", t => { if (!ownsMigration) t.ExcludeFromMigrations(); });
        e.HasKey(x => x.Id);
        e.Property(x => x.DataJson).HasMaxLength(8000);
    });

    /// <summary>
    /// Records an audit line on <paramref name="db"/>: it commits or rolls back with the caller's SaveChanges.
    /// The context must map <see cref="AuditPending"/> (<see cref="MapAuditPending"/>).
    /// </summary>
    public static void RecordAudit(this DbContext db, DateTime at, string actor, string action, string subject, object? data = null) =>
        db.Set<AuditPending>().Add(new AuditPending
        {
            At = AuditLog.TruncateToMicros(at), Actor = actor, Action = action, Subject = subject,
            DataJson = data is null ? "{}" : JsonSerializer.Serialize(data, Json),
        });
}
