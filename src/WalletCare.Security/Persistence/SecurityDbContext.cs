using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Outbox;
using WalletCare.Platform.Persistence;
using WalletCare.Security.Domain;

namespace WalletCare.Security.Persistence;

public sealed class SecurityDbContext(DbContextOptions<SecurityDbContext> options) : ModuleDbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();
    public DbSet<LoginEvent> LoginEvents => Set<LoginEvent>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<LoginChallenge> LoginChallenges => Set<LoginChallenge>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasIndex(x => x.UserName).IsUnique();
            e.HasIndex(x => x.Phone).IsUnique();
            e.HasIndex(x => x.Email).IsUnique();
            e.HasIndex(x => x.Role);
        });
        modelBuilder.Entity<Session>(e =>
        {
            e.ToTable("sessions");
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.UserId);
        });
        modelBuilder.Entity<LoginThrottle>(e =>
        {
            e.ToTable("login_throttles");
            e.HasKey(x => x.Login);
        });
        modelBuilder.Entity<LoginEvent>(e =>
        {
            e.ToTable("login_events");
            e.HasIndex(x => new { x.UserId, x.At });
            e.HasIndex(x => new { x.UserId, x.DeviceKey });
        });
        modelBuilder.Entity<RecoveryCode>(e =>
        {
            e.ToTable("recovery_codes");
            e.HasIndex(x => x.UserId);
        });
        modelBuilder.Entity<LoginChallenge>(e => e.ToTable("login_challenges"));
        modelBuilder.Entity<OneTimeToken>(e =>
        {
            e.ToTable("one_time_tokens");
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.UserId, x.Purpose });
        });
        modelBuilder.MapOutbox();
    }
}
