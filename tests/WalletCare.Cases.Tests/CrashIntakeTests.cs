using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Persistence;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>
/// kill -9 during intake (issue #15): every complaint the server acknowledged (201) is there after a restart
/// with its timeline entry, clocks and audit line, and the audit chain verifies.
/// </summary>
public abstract class CrashIntakeTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Every_acknowledged_complaint_survives_kill_9_with_its_timeline_clocks_and_audit_line()
    {
        if (Db == Db.Postgres) PostgresServer.RequireOrSkip();
        var dir = Directory.CreateTempSubdirectory("wc-crash-").FullName;
        var pg = Db == Db.Postgres ? PostgresServer.CreateDatabase() : null;
        var env = ServerProcess.Environment(dir, pg);

        var acknowledged = new ConcurrentBag<Guid>();
        await using (var node = await ServerProcess.StartAsync(env))
        {
            var customer = await node.ClientForAsync("13800000001");
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var res = await customer.PostJsonAsync("/api/v1/complaints", new
                        {
                            category = "payment_failed", subject = $"付款失败 {w}-{i}", description = "昨天在超市付款，钱被扣了但是商家说没收到，请帮我查一下。",
                        });
                        if (res.StatusCode == HttpStatusCode.Created) acknowledged.Add((await res.ExpectAsync(201)).GetProperty("id").GetGuid());
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToArray();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 60 && DateTime.UtcNow < deadline) await Task.Delay(20); // waiting on a real process
            node.Kill(); // SIGKILL with eight requests in flight
            stop.Cancel();
            await Task.WhenAll(workers);
        }
        Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} complaints acknowledged before the deadline");

        // The chain verifies; lines committed with their cases but not linked before the kill are linked now.
        var verify = await ServerProcess.RunVerbAsync(env, "verify-audit");
        Assert.True(verify.ExitCode == 0, verify.Output);

        await using var restarted = await ServerProcess.StartAsync(env);
        var again = await restarted.ClientForAsync("13800000001");
        foreach (var id in acknowledged)
        {
            var c = await (await again.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(200);
            Assert.Matches(@"^WC-\d{4}-\d{6}$", c.GetProperty("number").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.String, c.GetProperty("firstResponseDueAt").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.String, c.GetProperty("resolutionDueAt").ValueKind);
            Assert.Contains(c.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "created");
        }

        var subjects = acknowledged.Select(id => "case:" + id).ToList();
        var settings = new DatabaseSettings { Provider = pg is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres,
            ConnectionString = pg ?? $"Data Source={Path.Combine(dir, "walletcare.db")}", DataDirectory = dir };
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        DatabaseSetupExtensions.Configure(options, settings, "platform");
        await using var db = new PlatformDbContext(options.Options);
        var lines = await db.AuditEntries.CountAsync(e => e.Action == "case.created" && subjects.Contains(e.Subject))
                    + await db.AuditPending.CountAsync(e => e.Action == "case.created" && subjects.Contains(e.Subject));
        Assert.Equal(acknowledged.Count, lines);
    }
}

public sealed class CrashIntakeTestsSqlite : CrashIntakeTests { protected override Db Db => Db.Sqlite; }
public sealed class CrashIntakeTestsPostgres : CrashIntakeTests { protected override Db Db => Db.Postgres; }
