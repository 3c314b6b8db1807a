using WalletCare.Testing;
using Xunit;

namespace WalletCare.Help.Tests;

/// <summary>
/// Customer questions as customers write them (QuestionSet/questions.tsv), each mapped to the article
/// that answers it. Recall@5: the article is among the first five; MRR: 1/rank averaged.
/// </summary>
public sealed class QuestionSetTests(HelpServer server, ITestOutputHelper output) : IClassFixture<HelpServer>
{
    public sealed record Question(string Locale, string Text, string Key);

    public static IReadOnlyList<Question> Load() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "QuestionSet", "questions.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')).Select(p => new Question(p[0], p[1], p[2])).ToList();

    public static async Task<IReadOnlyList<IReadOnlyList<string>>> TopFiveAsync(WalletCareFactory f, IReadOnlyList<Question> qs)
    {
        var result = new List<IReadOnlyList<string>>();
        foreach (var q in qs)
            result.Add((await f.SearchDirectAsync(q.Text, q.Locale)).Select(h => h.Key).ToList());
        return result;
    }

    [Fact]
    public async Task Recall_at_five_is_at_least_ninety_percent()
    {
        var qs = Load();
        Assert.True(qs.Count >= 300, $"only {qs.Count} questions");
        var tops = await TopFiveAsync(server.Factory, qs);
        double found = 0, rr = 0;
        for (var i = 0; i < qs.Count; i++)
        {
            var rank = tops[i].ToList().IndexOf(qs[i].Key);
            if (rank >= 0) { found++; rr += 1.0 / (rank + 1); }
            else output.WriteLine($"MISS {qs[i].Locale} {qs[i].Text} → want {qs[i].Key}, got {string.Join(",", tops[i])}");
        }
        var recall = found / qs.Count;
        var mrr = rr / qs.Count;
        output.WriteLine($"questions={qs.Count} recall@5={recall:F3} MRR={mrr:F3}");
        Console.WriteLine($"help question set: questions={qs.Count} recall@5={recall:F3} MRR={mrr:F3}");
        Assert.True(recall >= 0.9, $"recall@5 {recall:F3} < 0.9");
    }

    [Fact]
    public async Task Sqlite_and_postgres_give_the_same_top_five()
    {
        if (!PostgresServer.IsAvailable)
        {
            output.WriteLine("SKIPPED: PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; this comparison runs in CI.");
            Assert.Skip("SKIPPED: PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; this comparison runs in CI.");
        }
        var qs = Load();
        await using var pg = WalletCareFactory.Create(Db.Postgres, demo: false);
        _ = pg.Server;
        var onSqlite = await TopFiveAsync(server.Factory, qs);
        var onPostgres = await TopFiveAsync(pg, qs);
        for (var i = 0; i < qs.Count; i++)
            Assert.True(onSqlite[i].SequenceEqual(onPostgres[i]), $"{qs[i].Text}: sqlite {string.Join(",", onSqlite[i])} / postgres {string.Join(",", onPostgres[i])}");
    }
}
