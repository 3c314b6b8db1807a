using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Idempotency;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Outbox;

namespace WalletCare.Platform.Persistence;

/// <summary>Tables every area shares: the audit chain and its pending lines, stored idempotent responses, job leases, the outbox.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : ModuleDbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditPending> AuditPending => Set<AuditPending>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.DataJson).HasMaxLength(8000);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.HasIndex(x => new { x.Subject, x.At });
        });
        b.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(x => new { x.Scope, x.Key });
            e.Property(x => x.ResponseBody).HasMaxLength(1_000_000);
            e.HasIndex(x => x.CreatedAt);
        });
        b.Entity<JobLease>(e =>
        {
            e.ToTable("job_leases");
            e.HasKey(x => x.Name);
        });
        b.MapOutbox(ownsMigration: true);
        b.MapAuditPending(ownsMigration: true);
    }
}
