using WalletCare.Platform.Contracts;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Security;
using WalletCare.Testing;

namespace WalletCare.Bench;

/// <summary>
/// Complaints created per second through the real HTTP API (Kestrel on loopback), N concurrent
/// clients, each a signed-in customer posting POST /api/v1/complaints with a linked-nothing body.
/// </summary>
public static class IntakeBench
{
    public static async Task<(double Rps, double P50, double P99, long Errors)> RunAsync(Db db, int clients, int seconds, string? connectionString = null)
    {
        await using var f = db == Db.Postgres ? new WalletCareFactory(Db.Postgres, demo: false, connectionString: connectionString) : new WalletCareFactory(Db.Sqlite, demo: false);
        var port = FreePort();
        f.UseKestrel(port);
        f.StartServer();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var tokens = new List<string>();
        using var anon = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseUrl };
        for (var i = 0; i < clients; i++)
        {
            var phone = $"1370000{i:D4}";
            await f.ScopedAsync(sp => sp.GetRequiredService<IUserDirectory>().CreateAsync(new NewUser($"intake{i}", "customer", "bench-password-1", Phone: phone)));
            var res = await anon.PostAsJsonAsync("/api/v1/auth/login", new { login = phone, password = "bench-password-1" });
            tokens.Add((await res.Content.ReadFromJsonAsync<Token>())!.AccessToken);
        }
        var http = tokens.Select(t =>
        {
            var c = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseUrl };
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", t);
            return c;
        }).ToArray();
        string[] categories = ["payment_failed", "topup_failed", "refund_not_received", "service_attitude", "other"];
        var (lat, elapsed, errors) = await Latency.RunAsync(clients, TimeSpan.FromSeconds(seconds), async (w, i) =>
        {
            var res = await http[w].PostAsJsonAsync("/api/v1/complaints", new
            {
                category = categories[i % categories.Length], subject = $"压测投诉 {w}-{i}", description = "付款显示失败但余额被扣，请核实。", desiredOutcome = "退回款项",
            });
            return res.StatusCode == HttpStatusCode.Created;
        });
        var s = lat.Summary();
        foreach (var c in http) c.Dispose();
        handler.Dispose();
        return (s.Count / elapsed.TotalSeconds, s.P50Ms, s.P99Ms, errors);
    }

    private sealed record Token(string AccessToken);

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
