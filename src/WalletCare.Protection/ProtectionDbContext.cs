using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Outbox;
using WalletCare.Platform.Persistence;
using WalletCare.Protection.Domain;

namespace WalletCare.Protection;

public sealed class ProtectionDbContext(DbContextOptions<ProtectionDbContext> options) : ModuleDbContext(options)
{
    public DbSet<FreezeEpisode> Episodes => Set<FreezeEpisode>();
    public DbSet<PhoneCode> PhoneCodes => Set<PhoneCode>();
    public DbSet<StepUpChallenge> StepUps => Set<StepUpChallenge>();
    public DbSet<UnfreezeRequest> UnfreezeRequests => Set<UnfreezeRequest>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapOutbox();
        modelBuilder.Entity<FreezeEpisode>(e =>
        {
            e.ToTable("freeze_episodes");
            e.HasIndex(x => new { x.CustomerId, x.Episode }).IsUnique();
            e.Property(x => x.Reason).HasMaxLength(1000);
        });
        modelBuilder.Entity<PhoneCode>(e =>
        {
            e.ToTable("phone_codes");
            e.HasIndex(x => new { x.PhoneHash, x.CreatedAt });
            e.HasIndex(x => new { x.ClientAddress, x.CreatedAt });
        });
        modelBuilder.Entity<StepUpChallenge>(e =>
        {
            e.ToTable("step_up_challenges");
            e.HasIndex(x => new { x.CustomerId, x.CreatedAt });
        });
        modelBuilder.Entity<UnfreezeRequest>(e =>
        {
            e.ToTable("unfreeze_requests");
            e.HasIndex(x => new { x.State, x.RequestedAt });
            e.HasIndex(x => x.CustomerId);
            e.Property(x => x.CheckNotes).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
