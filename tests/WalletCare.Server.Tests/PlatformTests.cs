using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Modules;
using WalletCare.Platform.Persistence;
using WalletCare.Server.Hosting;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Server.Tests;

public abstract class PlatformTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Diagnostics_are_staff_only_outside_demo_mode()
    {
        await using var f = WalletCareFactory.Create(Db, demo: false);
        var anon = f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal("Healthy", await (await anon.GetAsync("/healthz")).Content.ReadAsStringAsync());
        foreach (var url in new[] { "/metrics", "/openapi/v1.json", "/scalar" })
        {
            // Anonymous: refused (401), or sent to the sign-in page when the path looks like a page.
            var res = await anon.GetAsync(url);
            Assert.True((int)res.StatusCode == 401 || ((int)res.StatusCode == 302 && res.Headers.Location!.OriginalString.Contains("/login", StringComparison.Ordinal)),
                $"{url}: {(int)res.StatusCode}");
        }
    }

    [Fact]
    public async Task Health_metrics_and_openapi_answer()
    {
        await using var f = WalletCareFactory.Create(Db, demo: true);
        var c = f.CreateClient();
        Assert.Equal("Healthy", await (await c.GetAsync("/healthz")).Content.ReadAsStringAsync());
        var metrics = await c.GetStringAsync("/metrics");
        Assert.Contains("# TYPE", metrics);
        var openapi = await (await c.GetAsync("/openapi/v1.json")).ExpectAsync(200);
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
        Assert.True((await c.GetAsync("/scalar")).IsSuccessStatusCode || (int)(await c.GetAsync("/scalar/")).StatusCode == 200);
    }

    [Fact]
    public async Task A_tampered_audit_row_makes_verify_audit_fail()
    {
        await using var f = WalletCareFactory.Create(Db);
        await f.ClientForAsync("13800000001"); // sign-in writes audit entries
        await f.ClientForAsync("agent1");
        Assert.Equal(0, await RunVerbAsync(f, "verify-audit"));

        await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var first = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();
            await db.AuditEntries.Where(e => e.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone-else"));
            return 0;
        });
        Assert.Equal(1, await RunVerbAsync(f, "verify-audit"));
        var compliance = await f.ClientForAsync("compliance1");
        var r = await (await compliance.GetAsync("/api/v1/admin/audit/verify")).ExpectAsync(200);
        Assert.False(r.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Demo_seed_on_a_non_empty_database_adds_nothing_twice()
    {
        await using var f = WalletCareFactory.Create(Db);
        var before = await CountAllRowsAsync(f);
        await f.ScopedAsync(async sp => { await DemoData.SeedAsync(sp, CancellationToken.None); return 0; });
        Assert.Equal(0, await RunVerbAsync(f, "seed-demo"));
        var after = await CountAllRowsAsync(f);
        Assert.Equal(before, after);
        Assert.True(before["users"] >= 7, "demo seed should have created the demo users");
    }

    public static async Task<int> RunVerbAsync(WalletCareFactory f, string name, params string[] args)
    {
        using var scope = f.Services.CreateScope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Name == name);
        return await verb.RunAsync(args, TextWriter.Null, CancellationToken.None);
    }

    /// <summary>Rows per table across every area's context (audit and idempotency excluded: they log, not seed).</summary>
    public static async Task<SortedDictionary<string, int>> CountAllRowsAsync(WalletCareFactory f)
    {
        using var scope = f.Services.CreateScope();
        var counts = new SortedDictionary<string, int>();
        foreach (var reg in scope.ServiceProvider.GetServices<ModuleContextRegistration>())
        {
            var ctx = (DbContext)scope.ServiceProvider.GetRequiredService(reg.ContextType);
            foreach (var et in ctx.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
            {
                var table = et.GetTableName()!;
                if (table is "audit_entries" or "idempotency_records" or "job_leases") continue;
                var q = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(et.ClrType).Invoke(ctx, null)!;
                counts[table] = await q.CountAsync();
            }
        }
        return counts;
    }
}

public sealed class PlatformTestsSqlite : PlatformTests
{
    protected override Db Db => Db.Sqlite;

    [Fact]
    public async Task Restarting_keeps_all_data_and_sessions()
    {
        var dir = Directory.CreateTempSubdirectory("wc-restart-").FullName;
        string token;
        SortedDictionary<string, int> before;
        await using (var f1 = new WalletCareFactory(Db.Sqlite, dataDirectory: dir))
        {
            var res = await f1.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { login = "13800000001", password = WalletCareFactory.DemoPassword });
            token = (await res.ExpectAsync(200)).GetProperty("accessToken").GetString()!;
            before = await CountAllRowsAsync(f1);
        }
        await using var f2 = new WalletCareFactory(Db.Sqlite, dataDirectory: dir);
        var c = f2.CreateClient();
        c.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await (await c.GetAsync("/api/v1/me")).ExpectAsync(200);
        Assert.Equal(before, await CountAllRowsAsync(f2));
        Assert.True(File.Exists(Path.Combine(dir, "walletcare.db")));
    }
}

public sealed class PlatformTestsPostgres : PlatformTests
{
    protected override Db Db => Db.Postgres;

    [Fact]
    public async Task Restarting_keeps_all_data_and_sessions()
    {
        PostgresServer.RequireOrSkip();
        var cs = PostgresServer.CreateDatabase();
        string token;
        SortedDictionary<string, int> before;
        await using (var f1 = new WalletCareFactory(Db.Postgres, connectionString: cs))
        {
            var res = await f1.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { login = "13800000001", password = WalletCareFactory.DemoPassword });
            token = (await res.ExpectAsync(200)).GetProperty("accessToken").GetString()!;
            before = await CountAllRowsAsync(f1);
        }
        await using var f2 = new WalletCareFactory(Db.Postgres, connectionString: cs);
        var c = f2.CreateClient();
        c.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await (await c.GetAsync("/api/v1/me")).ExpectAsync(200);
        Assert.Equal(before, await CountAllRowsAsync(f2));
    }
}
