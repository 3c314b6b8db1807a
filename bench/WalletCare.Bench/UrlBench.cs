using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WalletCare.Bench;

/// <summary>
/// intake / payments against a server already running elsewhere (`--url http://host:5080`), e.g. a Release
/// build started with `--demo` on its own durable database. Signs in as the demo customers (or `--logins a,b`),
/// warms up, then runs closed-loop clients on keep-alive connections. Prints the client's own CPU use so a
/// figure limited by the load generator is visible as such. Durability is whatever the server runs with:
/// start it on SQLite (WAL, synchronous=FULL) or PostgreSQL with fsync and synchronous_commit on.
/// </summary>
public static class UrlBench
{
    public static async Task<int> RunAsync(string mode, Uri url, int clients, int seconds, string[] logins, string password)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var anon = new HttpClient(handler, disposeHandler: false) { BaseAddress = url };
        var tokens = new List<string>();
        foreach (var login in logins)
        {
            var res = await anon.PostAsJsonAsync("/api/v1/auth/login", new { login, password });
            var body = await res.Content.ReadFromJsonAsync<JsonElement>();
            if (!res.IsSuccessStatusCode) { Console.WriteLine($"# login {login} failed: {(int)res.StatusCode} {body}"); return 1; }
            tokens.Add(body.GetProperty("accessToken").GetString()!);
        }
        var http = Enumerable.Range(0, clients).Select(i =>
        {
            var c = new HttpClient(handler, disposeHandler: false) { BaseAddress = url };
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i % tokens.Count]);
            return c;
        }).ToArray();
        var merchant = mode == "intake" ? null
            : (await http[0].GetFromJsonAsync<JsonElement>("/api/v1/wallet/merchants"))[0].GetProperty("id").GetString();
        var run = Guid.NewGuid().ToString("N")[..8];
        string[] categories = ["payment_failed", "topup_failed", "refund_not_received", "service_attitude", "other"];

        async Task<bool> Op(int w, long i)
        {
            HttpResponseMessage res;
            if (mode == "intake")
            {
                res = await http[w].PostAsJsonAsync("/api/v1/complaints", new
                {
                    category = categories[i % categories.Length], subject = $"压测投诉 {w}-{i}",
                    description = "昨天在便利店用钱包付款，页面显示支付失败，但是余额已经被扣了，商家说没有收到钱。我等了一天还没有退回来，请帮我核实这笔交易并尽快处理，谢谢。",
                    desiredOutcome = "退回款项",
                });
                return res.StatusCode == HttpStatusCode.Created;
            }
            var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/wallet/payments") { Content = JsonContent.Create(new { merchantId = merchant, amountMinor = 1, description = "bench" }) };
            req.Headers.Add("Idempotency-Key", $"bench-{run}-{w}-{i}");
            res = await http[w].SendAsync(req);
            return res.StatusCode == HttpStatusCode.Created;
        }

        await Latency.RunAsync(clients, TimeSpan.FromSeconds(Math.Min(5, seconds)), Op); // warm-up: JIT, pools, caches
        var me = Process.GetCurrentProcess();
        var cpuBefore = me.TotalProcessorTime;
        var (lat, elapsed, errors) = await Latency.RunAsync(clients, TimeSpan.FromSeconds(seconds), Op);
        me.Refresh();
        var cpu = (me.TotalProcessorTime - cpuBefore).TotalSeconds / elapsed.TotalSeconds / Environment.ProcessorCount * 100;
        var s = lat.Summary();
        Console.WriteLine($"{mode} url {Latency.F(s.Count / elapsed.TotalSeconds)} req/s");
        Console.WriteLine($"{mode} url p50 {Latency.F(s.P50Ms)} ms");
        Console.WriteLine($"{mode} url p99 {Latency.F(s.P99Ms)} ms");
        Console.WriteLine($"{mode} url errors {errors}");
        Console.WriteLine($"{mode} url client_cpu {Latency.F(cpu)} % of {Environment.ProcessorCount} cores");
        foreach (var c in http) c.Dispose();
        handler.Dispose();
        return 0;
    }
}
