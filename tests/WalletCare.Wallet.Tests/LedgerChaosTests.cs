using WalletCare.Testing;
using Xunit;

namespace WalletCare.Wallet.Tests;

/// <summary>
/// 16 clients, 2,000 random money operations on four shared wallets through the HTTP API, then every
/// invariant of <see cref="LedgerChaosCheck"/>. The same harness runs as `bench ledger-chaos --seconds 60`.
/// </summary>
public sealed class LedgerChaosTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Two_thousand_concurrent_money_operations_keep_every_invariant(Db db)
    {
        await using var f = WalletCareFactory.Create(db);
        var chaos = new LedgerChaos(f);
        await chaos.SetUpAsync();
        await chaos.RunAsync(clients: 16, operations: 2_000);
        output.WriteLine(chaos.Summary());
        var problems = await chaos.ProblemsAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(2_000, chaos.Attempted);
        Assert.True(chaos.Acknowledged.Count > 1_000, chaos.Summary()); // most operations must actually move money
    }
}
