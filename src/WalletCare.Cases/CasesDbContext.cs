using WalletCare.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Outbox;
using WalletCare.Platform.Persistence;

namespace WalletCare.Cases;

public sealed class CasesDbContext(DbContextOptions<CasesDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseTransaction> CaseTransactions => Set<CaseTransaction>();
    public DbSet<CaseEvent> Events => Set<CaseEvent>();
    public DbSet<CaseAttachment> Attachments => Set<CaseAttachment>();
    public DbSet<CaseCounter> Counters => Set<CaseCounter>();
    public DbSet<CaseNotification> Notifications => Set<CaseNotification>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<SlaClock> Clocks => Set<SlaClock>();
    public DbSet<SlaEscalation> Escalations => Set<SlaEscalation>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<Macro> Macros => Set<Macro>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapAuditPending();
        modelBuilder.Entity<Case>(e =>
        {
            e.ToTable("cases");
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.DedupeKey).IsUnique();
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.DesiredOutcome).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            // Queue pages: open cases by next due time, optionally narrowed by one filter. Partial
            // indexes (WHERE "IsOpen") let SQLite and PostgreSQL both walk them in ORDER BY order.
            e.HasIndex(x => new { x.NextDueAt, x.Id }).HasDatabaseName("IX_cases_open_due").HasFilter("\"IsOpen\"");
            e.HasIndex(x => new { x.AssigneeId, x.NextDueAt, x.Id }).HasDatabaseName("IX_cases_open_assignee_due").HasFilter("\"IsOpen\"");
            e.HasIndex(x => new { x.Category, x.NextDueAt, x.Id }).HasDatabaseName("IX_cases_open_category_due").HasFilter("\"IsOpen\"");
            e.HasIndex(x => new { x.Priority, x.NextDueAt, x.Id }).HasDatabaseName("IX_cases_open_priority_due").HasFilter("\"IsOpen\"");
            e.HasIndex(x => new { x.Status, x.NextDueAt });
            e.HasIndex(x => new { x.CustomerId, x.ReceivedAt });
            e.HasIndex(x => new { x.ReviewState, x.UpdatedAt });
            e.HasIndex(x => new { x.Status, x.ResolvedAt });
        });
        modelBuilder.Entity<CaseTransaction>(e =>
        {
            e.ToTable("case_transactions");
            e.HasKey(x => new { x.CaseId, x.TransactionId });
            e.HasIndex(x => x.TransactionId);
        });
        modelBuilder.Entity<CaseEvent>(e =>
        {
            e.ToTable("case_events");
            e.Property(x => x.Body).HasMaxLength(8000);
            e.Property(x => x.DataJson).HasMaxLength(8000);
            e.HasIndex(x => new { x.CaseId, x.Id });
        });
        modelBuilder.Entity<CaseAttachment>(e =>
        {
            e.ToTable("case_attachments");
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<CaseCounter>(e =>
        {
            e.ToTable("case_counters");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<CaseNotification>(e =>
        {
            e.ToTable("case_notifications");
            e.HasIndex(x => new { x.RecipientId, x.At });
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<CalendarDay>(e =>
        {
            e.ToTable("calendar_days");
            e.HasKey(x => x.Date);
        });
        modelBuilder.Entity<SlaClock>(e =>
        {
            e.ToTable("sla_clocks");
            e.HasIndex(x => new { x.CaseId, x.Kind }).IsUnique();
            e.HasIndex(x => x.NextCheckAt); // the sweeper's only lookup: cost grows with clocks due, not cases
        });
        modelBuilder.Entity<SlaEscalation>(e =>
        {
            e.ToTable("sla_escalations");
            e.HasKey(x => new { x.CaseId, x.ClockKind, x.Level });
        });
        modelBuilder.Entity<Survey>(e =>
        {
            e.ToTable("case_surveys");
            e.HasKey(x => x.CaseId);
            e.Property(x => x.Suggestion).HasMaxLength(2000);
        });
        modelBuilder.Entity<Macro>(e =>
        {
            e.ToTable("macros");
            e.Property(x => x.Body).HasMaxLength(4000);
        });
        // Customer notices of replies and status changes commit with the change (Notify/CaseNotices.cs).
        modelBuilder.MapOutbox();
    }
}
