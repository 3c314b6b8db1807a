using System.Net;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Outbox;
using WalletCare.Platform.Persistence;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>
/// Three server processes on one PostgreSQL database (issue #15), every one running the background jobs:
/// intake, agent replies and payments land on all three; each job effect happens once — every outbox
/// message is delivered exactly once (one pickup file per sent e-mail or SMS, across the three nodes),
/// the audit chain has no fork and holds one "created" line per case, and the ledger verifies.
/// </summary>
public sealed class ThreeNodeTests
{
    [Fact]
    public async Task Three_nodes_share_intake_replies_payments_and_jobs_and_do_each_effect_once()
    {
        PostgresServer.RequireOrSkip();
        var pg = PostgresServer.CreateDatabase();
        var dirs = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("wc-node-").FullName).ToArray();
        Dictionary<string, string> Env(int i)
        {
            var e = ServerProcess.Environment(dirs[i], pg);
            e["WalletCare__JobIntervalSeconds"] = "1";
            return e;
        }
        await using var a = await ServerProcess.StartAsync(Env(0)); // migrates and seeds the demo data
        var started = await Task.WhenAll(ServerProcess.StartAsync(Env(1)), ServerProcess.StartAsync(Env(2)));
        await using var b = started[0];
        await using var c = started[1];
        ServerProcess[] nodes = [a, b, c];

        // Sessions live in the database: one sign-in serves every node.
        var zhang = await a.TokenAsync("13800000001");
        var agent = await b.TokenAsync("agent1");
        HttpClient Customer(int i) => nodes[i % 3].Client(zhang);
        HttpClient Agent(int i) => nodes[i % 3].Client(agent);

        // Intake on all three nodes at once: every complaint numbered, no number twice.
        var filed = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
            await (await Customer(i).PostJsonAsync("/api/v1/complaints", new
            {
                category = "payment_failed", subject = $"三节点投诉 {i}", description = "付款显示失败但余额被扣，请核实。",
            })).ExpectAsync(201)));
        var caseIds = filed.Select(f => f.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(24, filed.Select(f => f.GetProperty("number").GetString()).Distinct().Count());

        // Agent replies through all three nodes; each becomes notices in the outbox, drained by whichever node claims them.
        await Task.WhenAll(caseIds.Select(async (id, i) =>
            await (await Agent(i + 1).PostJsonAsync($"/api/v1/agent/tickets/{id}/replies", new { body = "您好，我们正在核实这笔交易。" })).ExpectAsync(201)));

        // Payments through all three; the same idempotency key sent to all three at once still pays once.
        var merchant = (await (await Customer(0).GetAsync("/api/v1/wallet/merchants")).ExpectAsync(200))[0].GetProperty("id").GetString();
        var paid = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Customer(i).PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 100 + i }, $"three-node-{i}")));
        Assert.All(paid, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var twins = await Task.WhenAll(nodes.Select(n => n.Client(zhang).PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 777 }, "three-node-twin")));
        Assert.Contains(twins, r => r.StatusCode == HttpStatusCode.Created);

        var settings = new DatabaseSettings { Provider = DatabaseProvider.Postgres, ConnectionString = pg, DataDirectory = dirs[0] };
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        DatabaseSetupExtensions.Configure(options, settings, "platform");
        await using var db = new PlatformDbContext(options.Options);

        // Wait (bounded) for the outbox jobs of the three nodes to deliver everything.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await db.Outbox.AnyAsync(m => m.State == OutboxStates.Pending) && DateTime.UtcNow < deadline)
            await Task.Delay(500); // real processes: there is no event to wait on
        var rows = await db.Outbox.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(rows, m => m.State == OutboxStates.Pending);
        var replyNotices = rows.Where(m => m.Kind == "case_reply" && m.CaseId is { } id && caseIds.Contains(id)).ToList();
        Assert.Equal(24, replyNotices.Count(m => m.Channel == OutboxChannels.InApp));
        int Files(string kind) => dirs.Sum(d => Directory.Exists(Path.Combine(d, "pickup", kind)) ? Directory.GetFiles(Path.Combine(d, "pickup", kind)).Length : 0);
        Assert.Equal(rows.Count(m => m.Channel == OutboxChannels.Email && m.State == OutboxStates.Sent), Files("email"));
        Assert.Equal(rows.Count(m => m.Channel == OutboxChannels.Sms && m.State == OutboxStates.Sent), Files("sms"));
        Assert.True(Files("email") >= 24, $"expected the 24 reply e-mails in the pickup folders, found {Files("email")}");

        // One audit chain, linked by one appender at a time on three nodes: verifies, one "created" line per case.
        foreach (var n in nodes) n.Kill();
        var audit = await ServerProcess.RunVerbAsync(Env(0), "verify-audit");
        Assert.True(audit.ExitCode == 0, audit.Output);
        var subjects = caseIds.Select(id => "case:" + id).ToList();
        Assert.Equal(24, await db.AuditEntries.CountAsync(e => e.Action == "case.created" && subjects.Contains(e.Subject)));
        var ledger = await ServerProcess.RunVerbAsync(Env(0), "verify-ledger");
        Assert.True(ledger.ExitCode == 0, ledger.Output);
        Assert.Equal(1, await CountAsync(pg, "SELECT COUNT(*) FROM wallet_transactions WHERE \"IdempotencyKey\" = 'three-node-twin'"));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
