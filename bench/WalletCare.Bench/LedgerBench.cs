using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Security;
using WalletCare.Testing;
using WalletCare.Wallet;
using WalletCare.Wallet.Features;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Bench;

/// <summary>
/// Committed ledger transfers per second: each operation is one database transaction that locks a
/// customer and a merchant account, inserts one immutable transfer and updates both running totals —
/// the same shape as pgbench's tpcb-like (a few updates, a select, an insert). One customer/merchant
/// pair per client, as pgbench uses one branch per scale unit. Also: full wallet payments (row, trail, limits).
/// </summary>
public static class LedgerBench
{
    public static async Task<(double Tps, double P50, double P99)> RunAsync(Db db, int clients, int seconds, bool fullPayments, string? connectionString = null)
    {
        await using var f = db == Db.Postgres ? new WalletCareFactory(Db.Postgres, demo: false, connectionString: connectionString) : new WalletCareFactory(Db.Sqlite, demo: false);
        _ = f.Services; // start the host: migrations + system accounts
        var pairs = new List<(Guid Customer, Guid CustomerAccount, Guid Merchant, Guid MerchantAccount)>();
        await f.ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<IUserDirectory>();
            var wallet = sp.GetRequiredService<OpenWalletHandler>();
            var remedies = sp.GetRequiredService<IWalletRemedies>();
            var wdb = sp.GetRequiredService<WalletDbContext>();
            for (var i = 0; i < clients; i++)
            {
                var u = await users.CreateAsync(new NewUser($"bench{i}", "customer", "bench-password-1", Phone: $"1390000{i:D4}"));
                var w = await wallet.EnsureWalletAsync(u.Id, default);
                w.KycLevel = 2;
                var ma = new LedgerAccount { Kind = AccountKind.MerchantPayable, Code = "merchant:bench" + i };
                var m = new WalletCare.Wallet.Domain.Merchant { Name = "bench" + i, NameEn = "bench" + i, Descriptor = "BENCH" + i, Category = "bench", LedgerAccountId = ma.Id };
                wdb.LedgerAccounts.Add(ma);
                wdb.Merchants.Add(m);
                await wdb.SaveChangesAsync();
                await remedies.PostRemedyAsync(new RemedyPosting("fund:" + i, u.Id, RemedyKinds.GoodwillCredit, 1_000_000_000, null, "bench"));
                pairs.Add((u.Id, w.LedgerAccountId, m.Id, ma.Id));
            }
            return 0;
        });

        var (lat, elapsed, errors) = await Latency.RunAsync(clients, TimeSpan.FromSeconds(seconds), async (w, i) =>
        {
            var p = pairs[w];
            using var scope = f.Services.CreateScope();
            try
            {
                if (fullPayments)
                {
                    await scope.ServiceProvider.GetRequiredService<PayHandler>().HandleAsync(p.Customer, new PaymentRequest(p.Merchant, 1, null), $"b{w}-{i}");
                    return true;
                }
                var wdb = scope.ServiceProvider.GetRequiredService<WalletDbContext>();
                var ledger = scope.ServiceProvider.GetRequiredService<LedgerService>();
                await using var tx = await wdb.Database.BeginTransactionAsync();
                await ledger.PostAsync([new TransferSpec(p.CustomerAccount, p.MerchantAccount, 1, "bench", $"b{w}-{i}", null)], DateTime.UtcNow, default);
                await wdb.SaveChangesAsync();
                await tx.CommitAsync();
                return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return false;
            }
        });
        var s = lat.Summary();
        var verified = await f.ScopedAsync(sp => LedgerVerifier.VerifyAsync(sp.GetRequiredService<WalletDbContext>(), default));
        if (!verified.Ok) throw new InvalidOperationException("ledger does not verify after the benchmark: " + string.Join("; ", verified.Problems));
        if (errors > 0) Console.WriteLine($"# {errors} operations failed");
        return (s.Count / elapsed.TotalSeconds, s.P50Ms, s.P99Ms);
    }
}
