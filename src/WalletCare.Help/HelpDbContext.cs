using Microsoft.EntityFrameworkCore;
using WalletCare.Help.Domain;
using WalletCare.Platform.Persistence;

namespace WalletCare.Help;

public sealed class HelpDbContext(DbContextOptions<HelpDbContext> options) : ModuleDbContext(options)
{
    public DbSet<HelpArticle> Articles => Set<HelpArticle>();
    public DbSet<HelpVote> Votes => Set<HelpVote>();
    public DbSet<SearchMiss> SearchMisses => Set<SearchMiss>();
    public DbSet<TroubleshooterRun> Runs => Set<TroubleshooterRun>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<DeflectionEvent> Deflections => Set<DeflectionEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HelpArticle>(e =>
        {
            e.ToTable("help_articles");
            e.HasIndex(x => new { x.Key, x.Locale }).IsUnique();
            e.HasIndex(x => x.UpdatedAt);
            e.Property(x => x.Key).HasMaxLength(80);
            e.Property(x => x.Locale).HasMaxLength(10);
            e.Property(x => x.Topic).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.BodyMarkdown).HasMaxLength(20000);
            e.Property(x => x.Tags).HasMaxLength(1000);
        });
        modelBuilder.Entity<HelpVote>(e =>
        {
            e.ToTable("help_votes");
            e.HasKey(x => new { x.ArticleId, x.UserId });
        });
        modelBuilder.Entity<SearchMiss>(e =>
        {
            e.ToTable("help_search_misses");
            e.Property(x => x.Query).HasMaxLength(200);
            e.HasIndex(x => x.At);
        });
        modelBuilder.Entity<TroubleshooterRun>(e =>
        {
            e.ToTable("help_troubleshooter_runs");
            e.HasIndex(x => new { x.CustomerId, x.StartedAt });
        });
        modelBuilder.Entity<Announcement>(e =>
        {
            e.ToTable("help_announcements");
            e.Property(x => x.BodyZh).HasMaxLength(2000);
            e.Property(x => x.BodyEn).HasMaxLength(2000);
            e.HasIndex(x => x.EndsAt);
        });
        modelBuilder.Entity<DeflectionEvent>(e =>
        {
            e.ToTable("help_deflection_events");
            e.HasIndex(x => new { x.Kind, x.At });
        });
    }
}
