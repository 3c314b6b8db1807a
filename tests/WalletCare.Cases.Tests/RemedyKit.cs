using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Remedies;
using WalletCare.Remedies.Domain;
using WalletCare.Testing;

namespace WalletCare.Cases.Tests;

internal static class RemedyKit
{
    public static async Task<(WalletCareFactory F, HttpClient Customer, HttpClient Agent, string CaseId)> SetupAsync(Db db, Action<IServiceCollection>? configure = null)
    {
        if (db == Db.Postgres) PostgresServer.RequireOrSkip();
        var f = new WalletCareFactory(db, configure: configure);
        var customer = await f.ClientForAsync("13800000001");
        var agent = await f.ClientForAsync("agent1");
        var id = (await (await customer.GetAsync("/api/v1/complaints")).ExpectAsync(200)).GetProperty("items")[0].Id();
        return (f, customer, agent, id);
    }

    public static Task<HttpResponseMessage> Propose(HttpClient staff, string caseId, string type, long amount, string key, string reason = "服务补偿") =>
        staff.PostJsonAsync($"/api/v1/agent/tickets/{caseId}/remedies", new { type, amountMinor = amount, reason }, key);

    public static async Task<long> AvailableAsync(HttpClient c) =>
        (await (await c.GetAsync("/api/v1/wallet")).ExpectAsync(200)).GetProperty("availableMinor").GetInt64();

    /// <summary>A succeeded payment of the customer's own, returning its id.</summary>
    public static async Task<string> PayAsync(HttpClient customer, long amount)
    {
        var merchant = (await (await customer.GetAsync("/api/v1/wallet/merchants")).ExpectAsync(200))[0].Id();
        var pay = await (await customer.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = amount, description = "测试付款" },
            Guid.NewGuid().ToString())).ExpectAsync(201);
        return pay.Id();
    }

    /// <summary>A refund remedy written straight into the table, as one that slipped past the proposal check would be.</summary>
    public static Task<Guid> InsertRefundAsync(WalletCareFactory f, string caseId, Guid payment, long amount, string state) =>
        f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<RemediesDbContext>();
            var template = await db.Remedies.AsNoTracking().FirstAsync(r => r.CaseId == Guid.Parse(caseId));
            var r = new Remedy
            {
                CaseId = template.CaseId, CaseNumber = template.CaseNumber, CustomerId = template.CustomerId, Type = RemedyKinds.Refund,
                AmountMinor = amount, TransactionId = payment, Reason = "race", ProposedBy = template.ProposedBy, ProposedByRole = "agent",
                ProposedAt = f.Time.GetUtcNow().UtcDateTime, State = state,
            };
            db.Remedies.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

    public static Task<int> RunJobAsync(WalletCareFactory f) => f.ScopedAsync(sp => sp.GetRequiredService<RemedyJobs>().ExecuteDueAsync());

    public static Task<int> AuditCountAsync(WalletCareFactory f, string action) =>
        f.ScopedAsync(sp => sp.GetRequiredService<Platform.Persistence.PlatformDbContext>().AuditEntries.CountAsync(e => e.Action == action));

    public static Task<int> WalletRemedyTransactionsAsync(WalletCareFactory f) =>
        f.ScopedAsync(sp => sp.GetRequiredService<Wallet.WalletDbContext>().Transactions.CountAsync(t => t.Type == "remedy"));
}

/// <summary>Shared switch of <see cref="FlakyWalletRemedies"/>: how many postings still fail.</summary>
public sealed class WalletOutage
{
    public int FailuresLeft;
}

/// <summary>The real wallet behind a switch that throws (as a lost connection would) while failures are left.</summary>
internal sealed class FlakyWalletRemedies(IWalletRemedies inner, WalletOutage outage) : IWalletRemedies
{
    public Task<Guid> PostRemedyAsync(RemedyPosting posting, CancellationToken ct = default)
    {
        Fail();
        return inner.PostRemedyAsync(posting, ct);
    }

    public Task<IReadOnlyList<Guid>> PostRemediesAsync(IReadOnlyList<RemedyPosting> postings, CancellationToken ct = default)
    {
        Fail();
        return inner.PostRemediesAsync(postings, ct);
    }

    private void Fail()
    {
        if (Interlocked.Decrement(ref outage.FailuresLeft) >= 0) throw new InvalidOperationException("injected wallet outage");
    }

    public static Action<IServiceCollection> Install(WalletOutage outage) => s =>
    {
        var real = s.Single(d => d.ServiceType == typeof(IWalletRemedies));
        s.Remove(real);
        s.AddSingleton(outage);
        s.AddScoped<IWalletRemedies>(sp => new FlakyWalletRemedies(
            (IWalletRemedies)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!), sp.GetRequiredService<WalletOutage>()));
    };
}
