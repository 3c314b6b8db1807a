using Microsoft.EntityFrameworkCore;
using WalletCare.Notifications.Domain;
using WalletCare.Platform.Outbox;
using WalletCare.Platform.Persistence;

namespace WalletCare.Notifications;

/// <summary>
/// The notification centre's tables (in-app notifications, preferences). The shared outbox is mapped in too,
/// without owning its migration, because this area's job drains it and the demo simulator reads it.
/// </summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Body).HasMaxLength(4000);
            // One in-app notification per outbox row, even if a delivery is retried after a crash.
            e.HasIndex(x => x.OutboxId).IsUnique();
            e.HasIndex(x => new { x.UserId, x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.UserId, x.ReadAt });
        });
        b.Entity<NotificationPreference>(e =>
        {
            e.ToTable("notification_preferences");
            e.HasKey(x => new { x.UserId, x.Kind, x.Channel });
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.Channel).HasMaxLength(20);
        });
        b.MapOutbox();
    }
}
