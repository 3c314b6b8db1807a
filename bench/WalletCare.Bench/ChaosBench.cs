using WalletCare.Testing;

namespace WalletCare.Bench;

/// <summary>
/// `ledger-chaos`: the money concurrency harness of the test suite (<see cref="LedgerChaos"/>) for a
/// fixed time instead of a fixed count, then its invariants. Exits non-zero when any invariant fails.
/// </summary>
public static class ChaosBench
{
    public static async Task RunAsync(Db db, int clients, int seconds)
    {
        await using var f = db == Db.Postgres ? new WalletCareFactory(Db.Postgres) : new WalletCareFactory(Db.Sqlite);
        if (f.ConnectionString is { } cs) Console.WriteLine($"# postgres {PostgresServer.DurabilitySettings(cs)}");
        var chaos = new LedgerChaos(f);
        await chaos.SetUpAsync();
        await chaos.RunAsync(clients, long.MaxValue, TimeSpan.FromSeconds(seconds));
        var name = db.ToString().ToLowerInvariant();
        Console.WriteLine($"# {chaos.Summary()}");
        Console.WriteLine($"ledger-chaos {name} operations {chaos.Attempted} ops");
        Console.WriteLine($"ledger-chaos {name} acknowledged {chaos.Acknowledged.Count} ops");
        Console.WriteLine($"ledger-chaos {name} ops_per_s {Latency.F(chaos.Attempted / chaos.Elapsed.TotalSeconds)} ops/s");
        var problems = await chaos.ProblemsAsync();
        foreach (var p in problems) Console.WriteLine("# PROBLEM " + p);
        Console.WriteLine($"ledger-chaos {name} invariant_violations {problems.Count} count");
        if (problems.Count > 0) Environment.ExitCode = 1;
    }
}
