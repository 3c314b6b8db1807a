using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace WalletCare.Testing;

/// <summary>
/// The real server as a separate OS process (the test's copy of WalletCare.Server.dll), for what an
/// in-process host cannot show: kill -9, several nodes on one database, a restart on the same data.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "WalletCare.Server.dll");

    /// <summary>Environment for a node: its data directory and database; demo data on an empty database.</summary>
    public static Dictionary<string, string> Environment(string dataDirectory, string? postgres, bool demo = true, bool jobs = true) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["WalletCare__DataDirectory"] = dataDirectory,
        ["WalletCare__Demo"] = demo ? "true" : "false",
        ["WalletCare__BackgroundJobs"] = jobs ? "true" : "false",
        ["Security__LoginAttemptsPerMinute"] = "1000",
        ["Database__Provider"] = postgres is null ? "sqlite" : "postgres",
        ["ConnectionStrings__WalletCare"] = postgres ?? "",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> env, TimeSpan? timeout = null)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var psi = new ProcessStartInfo("dotnet", [ServerDll, "--urls", url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        var server = new ServerProcess(p, url);
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (p.HasExited) throw new InvalidOperationException($"server exited with {p.ExitCode} before it was healthy:\n{server.Output}");
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200); // polling a real process's readiness; there is no event to wait on
        }
        server.Kill();
        throw new TimeoutException($"server not healthy in time:\n{server.Output}");
    }

    /// <summary>Runs a CLI verb of the same executable against the same data (e.g. verify-audit); returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [ServerDll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in with a bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string login, string password = WalletCareFactory.DemoPassword) =>
        Client(await TokenAsync(login, password));

    /// <summary>A client carrying <paramref name="token"/>: sessions live in the database, so one sign-in serves every node.</summary>
    public HttpClient Client(string token)
    {
        var c = Client();
        c.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return c;
    }

    /// <summary>
    /// Signs in and returns the bearer token; staff complete the 2FA step with the demo secret's current code
    /// (real time here, and a code is accepted once: sign each staff user in once per test).
    /// </summary>
    public async Task<string> TokenAsync(string login, string password = WalletCareFactory.DemoPassword)
    {
        using var c = Client();
        var res = await c.PostAsJsonAsync("/api/v1/auth/login", new { login, password });
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        if (res.IsSuccessStatusCode && body.TryGetProperty("twoFactorRequired", out var tf) && tf.ValueKind == JsonValueKind.True)
        {
            res = await c.PostAsJsonAsync("/api/v1/auth/login/2fa",
                new { challengeId = body.GetProperty("challengeId").GetString(), code = WalletCareFactory.DemoTotpCode(DateTime.UtcNow) });
            body = await res.Content.ReadFromJsonAsync<JsonElement>();
        }
        if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"login {login}: {(int)res.StatusCode} {body}");
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a power cut does to the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
