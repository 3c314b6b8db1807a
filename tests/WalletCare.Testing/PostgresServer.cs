using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace WalletCare.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from the Debian binaries (initdb/pg_ctl), started once per
/// test process on a free loopback port in a temp directory and stopped when the process exits.
/// Each test factory gets its own database in it.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Cluster?> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _startError;

    public static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;

    public static bool IsAvailable => BinDirectory is not null;

    /// <summary>
    /// Tests trade durability for speed (fsync off). Benchmarks set this before the first database is
    /// created: the cluster then runs with PostgreSQL's production defaults, fsync and synchronous_commit on.
    /// </summary>
    public static bool Durable { get; set; }

    /// <summary>The durability settings of the running cluster, for benchmark output ("fsync=on synchronous_commit=on").</summary>
    public static string DurabilitySettings(string connectionString)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        string Show(string name)
        {
            using var cmd = new NpgsqlCommand("SHOW " + name, conn);
            return $"{name}={cmd.ExecuteScalar()}";
        }
        return $"{Show("fsync")} {Show("synchronous_commit")} {Show("full_page_writes")}";
    }

    /// <summary>Skips the calling test, saying why, when the binaries are missing; fails when they exist but do not start.</summary>
    public static void RequireOrSkip()
    {
        if (!IsAvailable)
            Assert.Skip("SKIPPED: PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql); this test runs in CI.");
        if (Instance.Value is null)
            Assert.Fail("PostgreSQL binaries exist but the cluster did not start: " + _startError);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        RequireOrSkip();
        var c = Instance.Value!;
        var name = "wc_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(c.ConnectionString("postgres")))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            cmd.ExecuteNonQuery();
        }
        return c.ConnectionString(name);
    }

    private static Cluster? Start()
    {
        try
        {
            var bin = BinDirectory!;
            var dir = Directory.CreateTempSubdirectory("wc-pg-").FullName;
            var port = FreePort();
            var asRoot = Environment.UserName == "root";
            if (asRoot) Run("chown", $"-R postgres {dir}");
            Exec(asRoot, Path.Combine(bin, "initdb"), $"-D {dir}/data -A trust -U walletcare -E UTF8 --locale=C.UTF-8 --no-sync");
            Exec(asRoot, Path.Combine(bin, "pg_ctl"),
                $"-D {dir}/data -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 {(Durable ? "" : "-c fsync=off ")}-c max_connections=300\" -l {dir}/log -w start");
            var cluster = new Cluster(bin, dir, port, asRoot);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
            return cluster;
        }
        catch (Exception e)
        {
            _startError = e.Message;
            return null;
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static void Exec(bool asRoot, string exe, string args)
    {
        if (asRoot) Run("runuser", $"-u postgres -- {exe} {args}");
        else Run(exe, args);
    }

    internal static void Run(string exe, string args)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", $"{exe} {args}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {args} exited {p.ExitCode}: {err.Result} {output.Result}");
    }

    private sealed record Cluster(string Bin, string Dir, int Port, bool AsRoot)
    {
        public string ConnectionString(string db) =>
            $"Host=127.0.0.1;Port={Port};Username=walletcare;Database={db};Maximum Pool Size=50;Include Error Detail=true";

        public void Stop()
        {
            try { Exec(AsRoot, Path.Combine(Bin, "pg_ctl"), $"-D {Dir}/data -m immediate -w stop"); }
            catch (InvalidOperationException) { /* already gone */ }
        }
    }
}
