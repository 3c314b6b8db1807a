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
    }
}
