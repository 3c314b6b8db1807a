using Microsoft.EntityFrameworkCore;
using WalletCare.Channels.Domain;
using WalletCare.Platform.Persistence;

namespace WalletCare.Channels;

public sealed class ChannelsDbContext(DbContextOptions<ChannelsDbContext> options) : ModuleDbContext(options)
{
    public DbSet<EmailMessageRecord> EmailMessages => Set<EmailMessageRecord>();
    public DbSet<ChannelItem> Items => Set<ChannelItem>();
    public DbSet<InboundMailLog> InboundLog => Set<InboundMailLog>();
    public DbSet<ImapCursor> ImapCursors => Set<ImapCursor>();
    public DbSet<WebhookSource> Sources => Set<WebhookSource>();
    public DbSet<WebhookEvent> Events => Set<WebhookEvent>();
    public DbSet<WebhookSubscription> Subscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<EmailMessageRecord>(e =>
        {
            e.ToTable("channel_email_messages");
            e.Property(x => x.MessageId).HasMaxLength(998);
            e.Property(x => x.Address).HasMaxLength(320);
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => new { x.CaseId, x.At });
        });
        b.Entity<ChannelItem>(e =>
        {
            e.ToTable("channel_items");
            e.Property(x => x.Subject).HasMaxLength(500);
            e.Property(x => x.Body).HasMaxLength(8000);
            e.Property(x => x.From).HasMaxLength(320);
            e.HasIndex(x => new { x.MatchedCaseId, x.ReceivedAt });
        });
        b.Entity<InboundMailLog>(e =>
        {
            e.ToTable("channel_inbound_log");
            e.Property(x => x.Address).HasMaxLength(320);
            e.HasIndex(x => new { x.Address, x.At });
        });
        b.Entity<ImapCursor>(e =>
        {
            e.ToTable("channel_imap_cursors");
            e.HasKey(x => x.Mailbox);
            e.Property(x => x.Mailbox).HasMaxLength(400);
        });
        b.Entity<WebhookSource>(e =>
        {
            e.ToTable("channel_sources");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.Secret).HasMaxLength(200);
            e.Property(x => x.PreviousSecret).HasMaxLength(200);
        });
        b.Entity<WebhookEvent>(e =>
        {
            e.ToTable("channel_webhook_events");
            e.Property(x => x.EventId).HasMaxLength(200);
            e.Property(x => x.ExternalReference).HasMaxLength(100);
            e.HasIndex(x => new { x.Source, x.EventId }).IsUnique();
            e.HasIndex(x => new { x.Source, x.ExternalReference });
        });
        b.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("channel_subscriptions");
            e.Property(x => x.Url).HasMaxLength(500);
            e.Property(x => x.Secret).HasMaxLength(200);
            e.Property(x => x.Events).HasMaxLength(500);
        });
        b.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("channel_deliveries");
            e.Property(x => x.EventType).HasMaxLength(40);
            e.Property(x => x.PayloadJson).HasMaxLength(4000);
            e.Property(x => x.State).HasMaxLength(20);
            e.Property(x => x.LastError).HasMaxLength(500);
            e.HasIndex(x => new { x.SubscriptionId, x.EventId }).IsUnique();
            e.HasIndex(x => new { x.State, x.NextAttemptAt });
            e.HasIndex(x => x.CreatedAt);
        });
    }
}
