using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Persistence;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies;

public sealed class RemediesDbContext(DbContextOptions<RemediesDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Remedy> Remedies => Set<Remedy>();

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
        });
    }
}
