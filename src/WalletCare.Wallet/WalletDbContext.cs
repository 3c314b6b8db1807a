using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Persistence;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet;

public sealed class WalletDbContext : ModuleDbContext
{
    private readonly IHttpContextAccessor? _http;

    public WalletDbContext(DbContextOptions<WalletDbContext> options) : base(options) { }

    /// <summary>With the request, so new rows remember the session and address that made them (TransactionOrigins).</summary>
    public WalletDbContext(DbContextOptions<WalletDbContext> options, IHttpContextAccessor http) : base(options) => _http = http;

    public DbSet<Domain.Wallet> Wallets => Set<Domain.Wallet>();
    public DbSet<Card> Cards => Set<Card>();
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<WalletTransaction> Transactions => Set<WalletTransaction>();
    public DbSet<TransactionEvent> TransactionEvents => Set<TransactionEvent>();
    public DbSet<LedgerAccount> LedgerAccounts => Set<LedgerAccount>();
    public DbSet<LedgerTransfer> LedgerTransfers => Set<LedgerTransfer>();
    public DbSet<WalletUsage> Usage => Set<WalletUsage>();

    // Running totals change only by relative increments in LedgerService's SQL. Saving an account read
    // earlier would write its stale totals over debits committed since (issue #9, C1), so it is refused.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseLedgerTotalsWrittenBack();
        TransactionOrigins.Stamp(ChangeTracker, _http?.HttpContext);
        AddRecordedEvents();
        // Running day/month usage moves with the transactions that cause it, in the same database transaction.
        var usage = UsageLedger.Deltas(ChangeTracker);
        if (usage.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await UsageLedger.ApplyAsync(this, usage, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var tx = await Database.BeginTransactionAsync(cancellationToken);
        await UsageLedger.ApplyAsync(this, usage, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return saved;
    }

    private void RefuseLedgerTotalsWrittenBack()
    {
        if (ChangeTracker.Entries<LedgerAccount>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("ledger account totals are changed only by LedgerService's relative updates");
    }

    // A transaction's state changes record their trail entries on the entity; they are stored with the change.
    private void AddRecordedEvents()
    {
        foreach (var tx in ChangeTracker.Entries<WalletTransaction>().Select(e => e.Entity).ToList())
            TransactionEvents.AddRange(tx.TakeUnsavedEvents());
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WalletUsage>(e =>
        {
            e.ToTable("wallet_usage");
            e.HasKey(x => new { x.CustomerId, x.Period });
            e.Property(x => x.Period).HasMaxLength(12);
        });
        modelBuilder.Entity<Domain.Wallet>(e =>
        {
            e.ToTable("wallets");
            e.HasKey(x => x.CustomerId);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Card>(e =>
        {
            e.ToTable("cards");
            e.HasIndex(x => x.CustomerId);
            e.HasIndex(x => x.Token).IsUnique();
        });
        modelBuilder.Entity<Merchant>(e => e.ToTable("merchants"));
        modelBuilder.Entity<WalletTransaction>(e =>
        {
            e.ToTable("wallet_transactions");
            e.HasIndex(x => new { x.CustomerId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.CustomerId, x.CreatedAt });
            e.HasIndex(x => new { x.Status, x.SettleAt });
            e.HasIndex(x => x.OriginalTransactionId);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.RemedyKind).HasMaxLength(40);
            e.Property(x => x.ClientIp).HasMaxLength(64);
        });
        modelBuilder.Entity<TransactionEvent>(e =>
        {
            e.ToTable("transaction_events");
            e.HasIndex(x => new { x.TransactionId, x.At });
        });
        modelBuilder.Entity<LedgerAccount>(e =>
        {
            // Defence in depth: the database itself refuses a customer overdraft.
            e.ToTable("ledger_accounts", t => t.HasCheckConstraint("CK_ledger_accounts_no_overdraft",
                "NOT \"DebitsMustNotExceedCredits\" OR \"DebitsPosted\" + \"DebitsPending\" <= \"CreditsPosted\""));
            e.HasIndex(x => x.Code).IsUnique();
            e.Ignore(x => x.Available);
            e.Ignore(x => x.Held);
        });
        modelBuilder.Entity<LedgerTransfer>(e =>
        {
            e.ToTable("ledger_transfers");
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => x.PendingId).IsUnique();
            e.HasIndex(x => x.TransactionId);
        });
    }
}
