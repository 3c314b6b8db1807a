using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace WalletCare.Bench;

/// <summary>Runs PostgreSQL's own pgbench (tpcb-like) against the same server, as the yardstick.</summary>
public static partial class Pgbench
{
    public static async Task<(double Tps, double LatencyMs)> RunAsync(string connectionString, int clients, int seconds)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var bin = WalletCare.Testing.PostgresServer.BinDirectory ?? throw new InvalidOperationException("pgbench not installed");
        var pgbench = Path.Combine(bin, "pgbench");
        var common = $"-h {b.Host} -p {b.Port} -U {b.Username} {b.Database}";
        await RunAsync(pgbench, $"-i -q -s {Math.Max(1, clients)} {common}");
        var output = await RunAsync(pgbench, $"-b tpcb-like -c {clients} -j {Math.Min(clients, 2)} -T {seconds} -n {common}");
        var tps = double.Parse(TpsRegex().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var lat = LatencyRegex().Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        return (tps, lat);
    }

    private static async Task<string> RunAsync(string exe, string args)
    {
        var psi = new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Environment.UserName == "root")
            psi = new ProcessStartInfo("runuser", $"-u postgres -- {exe} {args}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {args}: {await stderr}");
        return await stdout + await stderr;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsRegex();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyRegex();
}
