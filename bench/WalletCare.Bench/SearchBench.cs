using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using WalletCare.Testing;

namespace WalletCare.Bench;

/// <summary>
/// GET /api/v1/help/search over real HTTP (Kestrel on loopback), N concurrent anonymous clients cycling
/// through the question set (tests/WalletCare.Help.Tests/QuestionSet/questions.tsv). Also prints
/// recall@5 and MRR of that set, measured through the same endpoint.
/// </summary>
public static class SearchBench
{
    public sealed record Result(double Rps, double P50, double P99, long Errors, int Questions, double Recall5, double Mrr);

    public static async Task<Result> RunAsync(Db db, int clients, int seconds, string? connectionString = null)
    {
        var questions = LoadQuestions();
        await using var f = db == Db.Postgres ? new WalletCareFactory(Db.Postgres, demo: false, connectionString: connectionString) : new WalletCareFactory(Db.Sqlite, demo: false);
        var port = FreePort();
        f.UseKestrel(port);
        f.StartServer();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        static string Url((string Locale, string Text, string Key) q) => $"/api/v1/help/search?q={Uri.EscapeDataString(q.Text)}&locale={q.Locale}&limit=5";

        double found = 0, rr = 0;
        foreach (var q in questions)
        {
            var body = await http.GetFromJsonAsync<JsonElement>(Url(q));
            var keys = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
            var rank = keys.IndexOf(q.Key);
            if (rank >= 0) { found++; rr += 1.0 / (rank + 1); }
        }

        var (lat, elapsed, errors) = await Latency.RunAsync(clients, TimeSpan.FromSeconds(seconds), async (w, i) =>
        {
            using var res = await http.GetAsync(Url(questions[(int)((i * clients + w) % questions.Count)]));
            return res.StatusCode == HttpStatusCode.OK;
        });
        var s = lat.Summary();
        return new Result(s.Count / elapsed.TotalSeconds, s.P50Ms, s.P99Ms, errors, questions.Count, found / questions.Count, rr / questions.Count);
    }

    private static List<(string Locale, string Text, string Key)> LoadQuestions()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "WalletCare.Help.Tests", "QuestionSet", "questions.tsv");
            if (File.Exists(path))
                return File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Select(p => (p[0], p[1], p[2])).ToList();
        }
        throw new FileNotFoundException("questions.tsv not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
