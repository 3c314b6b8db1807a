using System.Globalization;
using WalletCare.Bench;

// Benchmarks print one line per figure: "<bench> <figure> <value> <unit>". Results go to docs/benchmarks.md.
// usage: dotnet run -c Release --project bench/WalletCare.Bench -- <ledger|intake|queue|pgbench> [--clients N] [--seconds S]
var mode = args.FirstOrDefault() ?? "help";
int Opt(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

var clients = Opt("--clients", 8);
var seconds = Opt("--seconds", 20);
Console.WriteLine($"# {mode} clients={clients} seconds={seconds} cores={Environment.ProcessorCount} date={DateTime.UtcNow:yyyy-MM-dd HH:mm}Z");
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
    default:
        Console.WriteLine("modes: pgbench (more modes are added with their areas)");
        return 64;
}
return 0;
