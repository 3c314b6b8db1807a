using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Persistence;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies;

public sealed class RemediesDbContext(DbContextOptions<RemediesDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Remedy> Remedies => Set<Remedy>();
    public DbSet<RemedyAllowance> Allowances => Set<RemedyAllowance>();
    public DbSet<ClaimDecision> ClaimDecisions => Set<ClaimDecision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Remedy>(e =>
        {
            e.ToTable("remedies");
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.DecisionReason).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.State, x.ProposedAt });
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => new { x.ProposedBy, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => x.TransactionId);
            e.Property(x => x.LastError).HasMaxLength(1000);
        });
        modelBuilder.Entity<RemedyAllowance>(e =>
        {
            e.ToTable("remedy_allowances");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
        });
        modelBuilder.Entity<ClaimDecision>(e =>
        {
            e.ToTable("claim_decisions");
            e.HasKey(x => x.CaseId);
            e.Property(x => x.Reason).HasMaxLength(2000);
        });
    }
}
