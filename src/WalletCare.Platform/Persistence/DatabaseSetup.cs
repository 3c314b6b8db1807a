using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WalletCare.Platform.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Where the data lives. Bound from "WalletCare" and "Database" configuration sections.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public required string ConnectionString { get; init; }
    public required string DataDirectory { get; init; }

    public static DatabaseSettings From(IConfiguration config)
    {
        var dataDir = Path.GetFullPath(config["WalletCare:DataDirectory"] is { Length: > 0 } d ? d : "data");
        var provider = (config["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            "sqlite" or "" => DatabaseProvider.Sqlite,
            var other => throw new InvalidOperationException($"Unknown Database:Provider '{other}' (use sqlite or postgres)"),
        };
        var cs = config.GetConnectionString("WalletCare");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(cs))
        {
            cs = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDir, "walletcare.db"),
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
        }
        if (string.IsNullOrWhiteSpace(cs))
            throw new InvalidOperationException("ConnectionStrings:WalletCare is required when Database:Provider=postgres");
        if (provider == DatabaseProvider.Postgres)
        {
            // The hot statements (ledger posting, intake) are the same few texts over and over: let Npgsql
            // prepare them once per connection instead of parsing and planning each time, unless the
            // operator chose otherwise in the connection string.
            var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
            if (b.MaxAutoPrepare == 0) b.MaxAutoPrepare = 64;
            cs = b.ConnectionString;
        }
        return new DatabaseSettings { Provider = provider, ConnectionString = cs, DataDirectory = dataDir };
    }
}

/// <summary>Every area's DbContext registers one of these so migrate/seed can find them all.</summary>
public sealed record ModuleContextRegistration(Type ContextType, string Module);

public static class DatabaseSetupExtensions
{
    public const string SqliteMigrationsAssembly = "WalletCare.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "WalletCare.Migrations.Postgres";

    /// <summary>Registers an area's DbContext on the configured provider, with its own migrations history table.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext
    {
        services.AddSingleton(new ModuleContextRegistration(typeof(TContext), module));
        services.AddDbContext<TContext>((sp, o) => Configure(o, sp.GetRequiredService<DatabaseSettings>(), module));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder o, DatabaseSettings db, string module)
    {
        var history = "__ef_migrations_" + module.ToLowerInvariant();
        if (db.Provider == DatabaseProvider.Postgres)
            o.UseNpgsql(db.ConnectionString, x => x.MigrationsAssembly(PostgresMigrationsAssembly).MigrationsHistoryTable(history));
        else
            o.UseSqlite(db.ConnectionString, x => x.MigrationsAssembly(SqliteMigrationsAssembly).MigrationsHistoryTable(history))
                .AddInterceptors(SqliteBusyTimeout.Instance);
    }
}

/// <summary>
/// Base for every area's context: times are UTC <see cref="DateTime"/> on both providers
/// (SQLite hands them back unspecified, so the kind is restored on read).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        b.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        b.Properties<DateTime?>().HaveConversion<UtcNullableDateTimeConverter>();
        b.Properties<string>().HaveMaxLength(400);
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class UtcNullableDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? null : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
