using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Persistence;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>
/// An intake's audit line is written in the intake's own transaction (issue #15): it exists exactly when the
/// case does, and the single appender links it into the verifiable chain later.
/// </summary>
public abstract class AuditInTransactionTests
{
    protected abstract Db Db { get; }

    private static Task<int> PendingAsync(WalletCareFactory f, string subject) =>
        f.ScopedAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditPending.CountAsync(p => p.Subject == subject));

    private static Task<int> ChainedAsync(WalletCareFactory f, string subject) =>
        f.ScopedAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.CountAsync(p => p.Subject == subject && p.Action == "case.created"));

    [Fact]
    public async Task A_filed_case_carries_its_audit_line_and_the_appender_links_it_into_a_valid_chain()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000001");
        var filed = await c.FileAsync();
        var subject = "case:" + filed.Id();

        // Committed with the case, not yet linked (background jobs are off in tests).
        Assert.Equal(1, await PendingAsync(f, subject));
        Assert.Equal(0, await ChainedAsync(f, subject));

        var linked = await f.ScopedAsync(sp => sp.GetRequiredService<AuditLog>().ChainPendingAsync());
        Assert.True(linked >= 1);
        Assert.Equal(0, await PendingAsync(f, subject));
        Assert.Equal(1, await ChainedAsync(f, subject));
        var verified = await f.ScopedAsync(sp => AuditLog.VerifyAsync(sp.GetRequiredService<PlatformDbContext>()));
        Assert.True(verified.Ok, verified.Message);
        // Linking twice adds nothing.
        Assert.Equal(0, await f.ScopedAsync(sp => sp.GetRequiredService<AuditLog>().ChainPendingAsync()));
    }

    [Fact]
    public async Task A_change_that_rolls_back_leaves_no_audit_line()
    {
        await using var f = WalletCareFactory.Create(Db);
        var subject = "case:" + Guid.NewGuid();
        await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.RecordAudit(DateTime.UtcNow, "system", "case.created", subject);
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });
        Assert.Equal(0, await PendingAsync(f, subject));
    }

    [Fact]
    public async Task Lines_written_directly_and_pending_lines_interleave_in_one_chain()
    {
        await using var f = WalletCareFactory.Create(Db);
        var c = await f.ClientForAsync("13800000002");
        await c.FileAsync();
        // A direct write (sign-in, remedies …) links every pending line first, then its own.
        await f.ClientForAsync("agent1");
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => c.FileAsync()));
        await Task.WhenAll(
            f.ScopedAsync(sp => sp.GetRequiredService<AuditLog>().ChainPendingAsync()),
            f.ScopedAsync(sp => sp.GetRequiredService<AuditLog>().ChainPendingAsync()),
            f.ScopedAsync(async sp => { await sp.GetRequiredService<IAuditLog>().WriteAsync("system", "test.direct", "test:1"); return 0; }));
        await f.ScopedAsync(sp => sp.GetRequiredService<AuditLog>().ChainPendingAsync());
        var (pending, chained, verified) = await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            return (await db.AuditPending.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action == "case.created"), await AuditLog.VerifyAsync(db));
        });
        Assert.Equal(0, pending);
        Assert.True(verified.Ok, verified.Message);
        // Every case (the demo seed's and these seven) has exactly one "created" line in the chain.
        var cases = await f.ScopedAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.CountAsync());
        Assert.Equal(cases, chained);
    }
}

public sealed class AuditInTransactionTestsSqlite : AuditInTransactionTests { protected override Db Db => Db.Sqlite; }
public sealed class AuditInTransactionTestsPostgres : AuditInTransactionTests { protected override Db Db => Db.Postgres; }
