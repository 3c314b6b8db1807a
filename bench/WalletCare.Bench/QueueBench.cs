using WalletCare.Platform.Contracts;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases;
using WalletCare.Platform.Modules;
using WalletCare.Security;
using WalletCare.Testing;

namespace WalletCare.Bench;

/// <summary>
/// The agent queue at scale: generate-load builds N cases, then the queue's first page and a filtered
/// page are requested through the HTTP API (in-process host, bearer token) sequentially; p50/p99 per
/// page, plus the database's plan for the SQL the endpoint runs.
/// </summary>
public static partial class QueueBench
{
    public static async Task RunAsync(Db db, int tickets, int requests, string? connectionString = null)
    {
        await using var f = db == Db.Postgres ? new WalletCareFactory(Db.Postgres, demo: false, connectionString: connectionString) : new WalletCareFactory(Db.Sqlite, demo: false);
        var sw = Stopwatch.StartNew();
        using (var scope = f.Services.CreateScope())
        {
            var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Name == "generate-load");
            await verb.RunAsync(["--tickets", tickets.ToString(System.Globalization.CultureInfo.InvariantCulture)], TextWriter.Null, default);
            var agent = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().CreateAsync(new NewUser("bench agent", "agent", "bench-password-1", UserName: "benchagent"));
            // Staff must use 2FA; the factory's sign-in answers it with the demo secret.
            await scope.ServiceProvider.GetRequiredService<WalletCare.Security.Auth.TwoFactor>()
                .EnrolAsync(agent.Id, f.Time.GetUtcNow().UtcDateTime, default, WalletCareFactory.DemoTotpSecret);
        }
        var name = db.ToString().ToLowerInvariant();
        Console.WriteLine($"queue {name} generate_load_{tickets} {sw.Elapsed.TotalSeconds:0.0} s");
        var client = await f.ClientForAsync("benchagent", "bench-password-1");
        foreach (var (label, url) in new[] { ("first_page", "/api/v1/agent/queue?limit=20"), ("filtered_page", "/api/v1/agent/queue?limit=20&category=refund_not_received&priority=P2") })
        {
            for (var i = 0; i < 20; i++) (await client.GetAsync(url)).EnsureSuccessStatusCode();
            var lat = new Latency(1);
            for (var i = 0; i < requests; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var res = await client.GetAsync(url);
                var body = await res.Content.ReadAsStringAsync();
                res.EnsureSuccessStatusCode();
                lat.Add(0, Stopwatch.GetTimestamp() - start);
                if (i == 0 && !body.Contains("\"items\":[{", StringComparison.Ordinal)) throw new InvalidOperationException("empty queue page");
            }
            var s = lat.Summary();
            Console.WriteLine($"queue {name} {label} p50 {Latency.F(s.P50Ms)} ms");
            Console.WriteLine($"queue {name} {label} p99 {Latency.F(s.P99Ms)} ms");
        }
        await PrintPlansAsync(f, db);
    }

    private static async Task PrintPlansAsync(WalletCareFactory f, Db db)
    {
        using var scope = f.Services.CreateScope();
        var cdb = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var first = cdb.Cases.AsNoTracking().Where(c => c.MergedIntoId == null && c.IsOpen).OrderBy(c => c.NextDueAt).ThenBy(c => c.Id).Take(21);
        var filtered = cdb.Cases.AsNoTracking().Where(c => c.MergedIntoId == null && c.IsOpen && c.Category == "refund_not_received" && c.Priority == "P2")
            .OrderBy(c => c.NextDueAt).ThenBy(c => c.Id).Take(21);
        foreach (var (label, q) in new[] { ("first_page", first), ("filtered_page", filtered) })
        {
            var sql = Inline(q.ToQueryString());
            var conn = cdb.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = (db == Db.Postgres ? "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " : "EXPLAIN QUERY PLAN ") + sql;
            var plan = new StringBuilder();
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) plan.Append("    ").AppendLine(db == Db.Postgres ? r.GetString(0) : r.GetValue(r.FieldCount - 1)?.ToString());
            await conn.CloseAsync();
            Console.WriteLine($"# plan {db.ToString().ToLowerInvariant()} {label}:\n{plan.ToString().TrimEnd()}");
        }
    }

    /// <summary>ToQueryString() prints parameters as ".param set @p 21" (SQLite) or "-- @p='21'" (Npgsql); put the values in.</summary>
    private static string Inline(string text)
    {
        var values = new Dictionary<string, string>();
        var sql = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (ParamSet().Match(line) is { Success: true } m) values[m.Groups[1].Value] = m.Groups[2].Value.Trim();
            else if (ParamComment().Match(line) is { Success: true } c) values[c.Groups[1].Value] = c.Groups[2].Value;
            else sql.AppendLine(line);
        }
        var result = sql.ToString();
        foreach (var (k, v) in values.OrderByDescending(kv => kv.Key.Length)) result = result.Replace(k, v);
        return result;
    }

    [GeneratedRegex(@"^\.param set (@\w+) (.*)$")]
    private static partial Regex ParamSet();

    [GeneratedRegex(@"^-- (@\w+)='(.*)'")]
    private static partial Regex ParamComment();
}
