using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WalletCare.Platform.Persistence;

/// <summary>
/// SQLite has one writer at a time. When a write finds the lock taken, Microsoft.Data.Sqlite retries the
/// statement after sleeping 150 ms, so a 3 ms intake behind another one could wait 150 ms or more (the p99 of
/// several hundred ms in docs/benchmarks.md). With SQLite's own busy handler set, the waiting statement retries
/// inside SQLite after 1, 2, 5, 10 … ms, getting the lock moments after it is released. Same 30 s limit as before.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
