using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Testing;
using Xunit;
using static WalletCare.Protection.Tests.ProtectionKit;

namespace WalletCare.Protection.Tests;

public abstract class UnfreezeTests
{
    protected abstract Db Db { get; }

    [Fact]
    public async Task Unfreeze_needs_verification_and_a_different_supervisor_than_the_one_who_recorded_the_check()
    {
        await using var f = WalletCareFactory.Create(Db);
        var id = await f.UserIdAsync(Zhang);
        var c = await f.ClientForAsync(Zhang);
        await (await c.PostJsonAsync("/api/v1/security/unfreeze", new { code = "123456" })).ExpectAsync(409, "WALLET_NOT_FROZEN");
        await (await c.PostJsonAsync("/api/v1/security/freeze", new { reason = "可疑短信" })).ExpectAsync(200);
        c = await f.ClientForAsync(Zhang);
        // No two-step verification enabled: no self-service unfreeze.
        await (await c.PostJsonAsync("/api/v1/security/unfreeze", new { code = "123456" })).ExpectAsync(403, "UNFREEZE_VERIFICATION_REQUIRED");
        Assert.Equal("frozen", await c.WalletStatusAsync());
        await (await c.PostJsonAsync("/api/v1/agent/unfreeze-requests", new { customerId = id, documentType = "id_card", documentLast4 = "001X", checkNotes = "x" })).ExpectAsync(403);

        var agent = await f.ClientForAsync("agent1");
        var supervisor = await f.ClientForAsync("supervisor1");
        await f.ScopedAsync(sp => sp.GetRequiredService<IUserDirectory>().CreateAsync(new NewUser("第二主管", "supervisor", WalletCareFactory.DemoPassword, UserName: "supervisor9")));
        await f.EnrolDemoSecondFactorAsync("supervisor9");
        var other = await f.ClientForAsync("supervisor9");

        await (await agent.PostJsonAsync("/api/v1/agent/unfreeze-requests", new { customerId = id, documentType = "licence", documentLast4 = "001X", checkNotes = "核对" })).ExpectAsync(400);
        await (await agent.PostJsonAsync("/api/v1/agent/unfreeze-requests", new { customerId = await f.UserIdAsync(Li), documentType = "id_card", documentLast4 = "1234", checkNotes = "核对" })).ExpectAsync(409, "WALLET_NOT_FROZEN");
        var byAgent = await (await agent.PostJsonAsync("/api/v1/agent/unfreeze-requests",
            new { customerId = id, documentType = "id_card", documentLast4 = "001x", checkNotes = "视频核验，证件与本人一致" })).ExpectAsync(201);
        var agentRequest = byAgent.GetProperty("id").GetString();
        await (await agent.PostJsonAsync($"/api/v1/agent/unfreeze-requests/{agentRequest}/approve", new { })).ExpectAsync(403);

        var bySupervisor = await (await supervisor.PostJsonAsync("/api/v1/agent/unfreeze-requests",
            new { customerId = id, documentType = "passport", documentLast4 = "4321", checkNotes = "柜面核验" })).ExpectAsync(201);
        await (await supervisor.PostJsonAsync($"/api/v1/agent/unfreeze-requests/{bySupervisor.GetProperty("id").GetString()}/approve", new { }))
            .ExpectAsync(403, "UNFREEZE_OWN_VERIFICATION");
        Assert.Equal("frozen", await c.WalletStatusAsync());

        var approved = await (await other.PostJsonAsync($"/api/v1/agent/unfreeze-requests/{agentRequest}/approve", new { })).ExpectAsync(200);
        Assert.Equal("approved", approved.GetProperty("state").GetString());
        Assert.Equal("active", await c.WalletStatusAsync());
        await (await other.PostJsonAsync($"/api/v1/agent/unfreeze-requests/{agentRequest}/approve", new { })).ExpectAsync(409, "UNFREEZE_REQUEST_DECIDED");
        await c.PayAsync(100);

        // A new freeze after the unfreeze is a new episode with its own case.
        await (await c.PostJsonAsync("/api/v1/security/freeze", new { })).ExpectAsync(200);
        Assert.Equal(2, (await f.CasesAsync(id, "account_compromised")).Count);

        var audit = await f.AuditActionsAsync();
        Assert.Contains("protection.identity_check_recorded", audit);
        Assert.Contains("protection.unfreeze", audit);
        Assert.Contains("wallet.unfrozen", audit);
        Assert.Equal(0, await f.VerifyAuditAsync());
    }
}

public sealed class UnfreezeTestsSqlite : UnfreezeTests { protected override Db Db => Db.Sqlite; }
public sealed class UnfreezeTestsPostgres : UnfreezeTests { protected override Db Db => Db.Postgres; }
