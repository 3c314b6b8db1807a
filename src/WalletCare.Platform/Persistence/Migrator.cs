using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WalletCare.Platform.Persistence;

/// <summary>Applies every area's migrations in registration order (Platform first).</summary>
public sealed class Migrator(IServiceProvider services, DatabaseSettings db, IEnumerable<ModuleContextRegistration> modules, ILogger<Migrator> log)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(db.DataDirectory);
            await using var conn = new SqliteConnection(db.ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = conn.CreateCommand();
            // WAL lets readers run beside the single writer; it is a property of the file, set once.
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        using var scope = services.CreateScope();
        foreach (var m in modules)
        {
            var ctx = (DbContext)scope.ServiceProvider.GetRequiredService(m.ContextType);
            var pending = (await ctx.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0) log.LogInformation("Applying {Count} migrations for {Module}", pending.Count, m.Module);
            await ctx.Database.MigrateAsync(ct);
        }
    }
}
