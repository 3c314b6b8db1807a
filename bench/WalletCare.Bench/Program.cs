using System.Globalization;
using WalletCare.Bench;

// Benchmarks print one line per figure: "<bench> <figure> <value> <unit>". Results go to docs/benchmarks.md.
// usage: dotnet run -c Release --project bench/WalletCare.Bench -- <ledger|payments|ledger-chaos|intake|queue|pgbench|search> [--clients N] [--seconds S]
//        intake|payments|ledger --url http://host:5080 [--logins 13800000001,13800000002] [--password P]: against a running server
var mode = args.FirstOrDefault() ?? "help";
string? Str(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
int Opt(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

// Figures are taken at production durability only: PostgreSQL with fsync and synchronous_commit on.
WalletCare.Testing.PostgresServer.Durable = true;
var clients = Opt("--clients", mode == "ledger-chaos" ? 16 : 8);
var seconds = Opt("--seconds", 20);
Console.WriteLine($"# {mode} clients={clients} seconds={seconds} cores={Environment.ProcessorCount} date={DateTime.UtcNow:yyyy-MM-dd HH:mm}Z");
if (Str("--url") is { } url && mode is "intake" or "payments" or "ledger")
{
    // Over HTTP the ledger is exercised through payments: each is one ledger posting plus its transaction row.
    var logins = (Str("--logins") ?? "13800000001,13800000002").Split(',', StringSplitOptions.RemoveEmptyEntries);
    return await UrlBench.RunAsync(mode == "intake" ? "intake" : "payments", new Uri(url), clients, seconds, logins, Str("--password") ?? "Demo@2026!");
}
switch (mode)
{
    case "pgbench":
    {
        WalletCare.Testing.PostgresServer.RequireOrSkip();
        var cs = WalletCare.Testing.PostgresServer.CreateDatabase();
        var (tps, lat) = await Pgbench.RunAsync(cs, clients, seconds);
        Console.WriteLine($"pgbench tpcb-like tps {Latency.F(tps)} tx/s");
        Console.WriteLine($"pgbench tpcb-like latency_avg {Latency.F(lat)} ms");
        break;
    }
    case "ledger":
    case "payments":
    {
        var full = mode == "payments";
        var sqlite = await LedgerBench.RunAsync(WalletCare.Testing.Db.Sqlite, clients, seconds, full);
        Console.WriteLine($"{mode} sqlite tps {Latency.F(sqlite.Tps)} tx/s");
        Console.WriteLine($"{mode} sqlite p50 {Latency.F(sqlite.P50)} ms");
        Console.WriteLine($"{mode} sqlite p99 {Latency.F(sqlite.P99)} ms");
        if (!WalletCare.Testing.PostgresServer.IsAvailable) { Console.WriteLine("# PostgreSQL binaries missing: postgres figures skipped"); break; }
        var cs = WalletCare.Testing.PostgresServer.CreateDatabase();
        Console.WriteLine($"# postgres {WalletCare.Testing.PostgresServer.DurabilitySettings(cs)}");
        var pg = await LedgerBench.RunAsync(WalletCare.Testing.Db.Postgres, clients, seconds, full, cs);
        Console.WriteLine($"{mode} postgres tps {Latency.F(pg.Tps)} tx/s");
        Console.WriteLine($"{mode} postgres p50 {Latency.F(pg.P50)} ms");
        Console.WriteLine($"{mode} postgres p99 {Latency.F(pg.P99)} ms");
        var (tps, lat) = await Pgbench.RunAsync(WalletCare.Testing.PostgresServer.CreateDatabase(), clients, seconds);
        Console.WriteLine($"pgbench tpcb-like tps {Latency.F(tps)} tx/s");
        Console.WriteLine($"pgbench tpcb-like latency_avg {Latency.F(lat)} ms");
        Console.WriteLine($"{mode} postgres/pgbench ratio {Latency.F(pg.Tps / tps * 100)} %");
        break;
    }
    case "ledger-chaos":
    {
        await ChaosBench.RunAsync(WalletCare.Testing.Db.Sqlite, clients, seconds);
        if (!WalletCare.Testing.PostgresServer.IsAvailable) { Console.WriteLine("# PostgreSQL binaries missing: postgres run skipped"); break; }
        await ChaosBench.RunAsync(WalletCare.Testing.Db.Postgres, clients, seconds);
        break;
    }
    case "intake":
    {
        var sqlite = await IntakeBench.RunAsync(WalletCare.Testing.Db.Sqlite, clients, seconds);
        Console.WriteLine($"intake sqlite complaints_per_s {Latency.F(sqlite.Rps)} req/s");
        Console.WriteLine($"intake sqlite p50 {Latency.F(sqlite.P50)} ms");
        Console.WriteLine($"intake sqlite p99 {Latency.F(sqlite.P99)} ms");
        Console.WriteLine($"intake sqlite errors {sqlite.Errors}");
        if (!WalletCare.Testing.PostgresServer.IsAvailable) { Console.WriteLine("# PostgreSQL binaries missing: postgres figures skipped"); break; }
        var pg = await IntakeBench.RunAsync(WalletCare.Testing.Db.Postgres, clients, seconds, WalletCare.Testing.PostgresServer.CreateDatabase());
        Console.WriteLine($"intake postgres complaints_per_s {Latency.F(pg.Rps)} req/s");
        Console.WriteLine($"intake postgres p50 {Latency.F(pg.P50)} ms");
        Console.WriteLine($"intake postgres p99 {Latency.F(pg.P99)} ms");
        Console.WriteLine($"intake postgres errors {pg.Errors}");
        break;
    }
    case "queue":
    {
        var tickets = Opt("--tickets", 1_000_000);
        var requests = Opt("--requests", 300);
        await QueueBench.RunAsync(WalletCare.Testing.Db.Sqlite, tickets, requests);
        if (!WalletCare.Testing.PostgresServer.IsAvailable) { Console.WriteLine("# PostgreSQL binaries missing: postgres figures skipped"); break; }
        await QueueBench.RunAsync(WalletCare.Testing.Db.Postgres, tickets, requests, WalletCare.Testing.PostgresServer.CreateDatabase());
        break;
    }
    case "search":
    {
        void Print(string db, SearchBench.Result r)
        {
            Console.WriteLine($"search {db} questions {r.Questions}");
            Console.WriteLine($"search {db} recall@5 {Latency.F(r.Recall5)}");
            Console.WriteLine($"search {db} mrr {Latency.F(r.Mrr)}");
            Console.WriteLine($"search {db} requests_per_s {Latency.F(r.Rps)} req/s");
            Console.WriteLine($"search {db} p50 {Latency.F(r.P50)} ms");
            Console.WriteLine($"search {db} p99 {Latency.F(r.P99)} ms");
            Console.WriteLine($"search {db} errors {r.Errors}");
        }
        Print("sqlite", await SearchBench.RunAsync(WalletCare.Testing.Db.Sqlite, clients, seconds));
        if (!WalletCare.Testing.PostgresServer.IsAvailable) { Console.WriteLine("# PostgreSQL binaries missing: postgres figures skipped"); break; }
        Print("postgres", await SearchBench.RunAsync(WalletCare.Testing.Db.Postgres, clients, seconds, WalletCare.Testing.PostgresServer.CreateDatabase()));
        break;
    }
    default:
        Console.WriteLine("modes: ledger, payments, ledger-chaos, intake, queue, pgbench, search");
        return 64;
}
return 0;
