using WalletCare.Platform.Contracts;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Security;
using WalletCare.Wallet;

namespace WalletCare.Testing;

/// <summary>One acknowledged (2xx) money operation, as the client saw it.</summary>
public sealed record ChaosOp(string Kind, int Wallet, Guid Id, long AmountMinor, int? Payee = null);

/// <summary>
/// A concurrency harness for money (issue #9): N clients drive a random mix of every money operation —
/// top-ups (approved and timing out), payments, transfers both ways, withdrawals approved and declined,
/// merchant refunds to wallet and to card (settled and bounced), settling unknown results, remedies and
/// their reversal by a rejected claim, and concurrent replays of the same Idempotency-Key — against a
/// few shared wallets through the real HTTP API. <see cref="LedgerChaosCheck"/> then proves the invariants.
/// </summary>
public sealed class LedgerChaos(WalletCareFactory factory, int wallets = 4, int seed = 20261125)
{
    internal sealed class WalletUnderTest
    {
        public required string Phone { get; init; }
        public required HttpClient Client { get; init; }
        public required string OkCard { get; init; }
        public required string DeclineCard { get; init; }
        public required string TimeoutCard { get; init; }
        public required Guid CaseId { get; init; }
        public long InitialAvailable { get; set; }
        public ConcurrentBag<(Guid Id, long Amount)> Payments { get; } = [];
        public ConcurrentBag<Guid> CardRefunds { get; } = [];
        public ConcurrentBag<Guid> Unknown { get; } = [];
    }

    internal readonly List<WalletUnderTest> Wallets = [];
    internal HttpClient Agent = null!;
    internal HttpClient Supervisor = null!;
    internal string Merchant = "";
    public ConcurrentQueue<ChaosOp> Acknowledged { get; } = new();
    public ConcurrentQueue<string> ServerErrors { get; } = new();
    public ConcurrentDictionary<string, int> Outcomes { get; } = new();
    private long _attempted;
    public long Attempted => Interlocked.Read(ref _attempted);
    public TimeSpan Elapsed { get; private set; }

    public async Task SetUpAsync()
    {
        Agent = await factory.ClientForAsync("agent1");
        Supervisor = await factory.ClientForAsync("supervisor1");
        for (var i = 0; i < wallets; i++)
        {
            var phone = $"1397700{i:D4}";
            await factory.ScopedAsync(async sp =>
            {
                var u = await sp.GetRequiredService<IUserDirectory>().CreateAsync(new NewUser($"混沌{i}", "customer", "chaos-password-1", Phone: phone));
                await sp.GetRequiredService<WalletCare.Wallet.Features.OpenWalletHandler>().EnsureWalletAsync(u.Id, default);
                // KYC 2: limits high enough that the mix is about money, not about daily limits.
                await sp.GetRequiredService<WalletDbContext>().Wallets.Where(w => w.CustomerId == u.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.KycLevel, 2));
                return 0;
            });
            var c = await factory.ClientForAsync(phone, "chaos-password-1");
            async Task<string> Bind(string number) =>
                (await Json(await c.PostAsJsonAsync("/api/v1/wallet/cards", new { number, expiry = "12/29", cvv = "123", holderName = $"混沌{i}" }), 201)).GetProperty("id").GetString()!;
            var ok = await Bind("6222000000000009");
            await Json(await Post(c, "/api/v1/wallet/topups", new { cardId = ok, amountMinor = 200_000 }, Guid.NewGuid().ToString()), 201);
            var complaint = await Json(await c.PostAsJsonAsync("/api/v1/complaints", new
            {
                category = "payment_failed", subject = "混沌测试", description = "并发测试用的投诉，用于补偿。", transactionIds = Array.Empty<Guid>(), desiredOutcome = "补偿",
            }), 201);
            Wallets.Add(new WalletUnderTest
            {
                Phone = phone, Client = c, OkCard = ok, DeclineCard = await Bind("6222000000000025"), TimeoutCard = await Bind("6222000000000041"),
                CaseId = Guid.Parse(complaint.GetProperty("id").GetString()!),
            });
        }
        Merchant = (await Json(await Wallets[0].Client.GetAsync("/api/v1/wallet/merchants"), 200))[0].GetProperty("id").GetString()!;
        foreach (var w in Wallets) w.InitialAvailable = await AvailableAsync(w);
    }

    /// <summary>Runs <paramref name="clients"/> loops until <paramref name="operations"/> were attempted or the time is up.</summary>
    public async Task RunAsync(int clients, long operations, TimeSpan? duration = null)
    {
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(n => Task.Run(async () =>
        {
            var rng = new Random(seed + n);
            while (duration is { } d ? sw.Elapsed < d : Interlocked.Increment(ref _attempted) <= operations)
            {
                if (duration is not null) Interlocked.Increment(ref _attempted);
                await OneAsync(rng, n % Wallets.Count);
            }
        })));
        if (duration is null) Interlocked.Exchange(ref _attempted, Math.Min(Attempted, operations));
        Elapsed = sw.Elapsed;
    }

    private async Task OneAsync(Random rng, int wi)
    {
        var w = Wallets[wi];
        var amount = rng.NextInt64(100, 30_000);
        var key = Guid.NewGuid().ToString();
        var roll = rng.Next(100);
        switch (roll)
        {
            case < 12: await Money("topup", wi, "/api/v1/wallet/topups", new { cardId = w.OkCard, amountMinor = amount }, key, rng); break;
            case < 15:
                if (await Money("topup", wi, "/api/v1/wallet/topups", new { cardId = w.TimeoutCard, amountMinor = amount }, key, rng) is { } u) w.Unknown.Add(u);
                break;
            case < 35:
                if (await Money("payment", wi, "/api/v1/wallet/payments", new { merchantId = Merchant, amountMinor = amount, description = "混沌" }, key, rng) is { } p)
                    w.Payments.Add((p, amount));
                break;
            case < 52:
            {
                var to = (wi + 1 + rng.Next(Wallets.Count - 1)) % Wallets.Count;
                await Money("transfer", wi, "/api/v1/wallet/transfers", new { toPhone = Wallets[to].Phone, amountMinor = amount }, key, rng, to);
                break;
            }
            case < 62: await Money("withdrawal", wi, "/api/v1/wallet/withdrawals", new { cardId = w.OkCard, amountMinor = amount }, key, rng); break;
            case < 66: await Money("withdrawal", wi, "/api/v1/wallet/withdrawals", new { cardId = w.DeclineCard, amountMinor = amount }, key, rng); break;
            case < 76 when w.Payments.ToArray() is { Length: > 0 } payments:
            {
                var paid = payments[rng.Next(payments.Length)];
                var toCard = rng.Next(2) == 0;
                var part = Math.Max(1, paid.Amount / (1 + rng.Next(3)));
                var res = await Send("refund", w.Client, "/api/v1/sim/payments/" + paid.Id + "/refund", new { amountMinor = part, toCard }, null);
                if (res is { } r)
                {
                    var id = Guid.Parse(r.GetProperty("id").GetString()!);
                    Acknowledged.Enqueue(new ChaosOp(toCard ? "refund_card" : "refund_wallet", wi, id, part));
                    if (toCard) w.CardRefunds.Add(id);
                }
                break;
            }
            case < 81 when w.CardRefunds.TryTake(out var refund):
                await Send("refund_settle", w.Client, $"/api/v1/sim/refunds/{refund}/{(rng.Next(2) == 0 ? "settle" : "fail")}", new { }, null);
                break;
            case < 84 when w.Unknown.TryTake(out var unknown):
                await Send("settle_unknown", w.Client, $"/api/v1/sim/transactions/{unknown}/settle-unknown", new { }, null);
                break;
            case < 93:
            {
                var type = rng.Next(3) == 0 ? "provisional_credit" : "goodwill_credit";
                var res = await Send("remedy", Agent, $"/api/v1/agent/tickets/{w.CaseId}/remedies", new { type, amountMinor = rng.NextInt64(1, 8_000), reason = "混沌补偿" }, key);
                if (res is { } r) Acknowledged.Enqueue(new ChaosOp("remedy", wi, Guid.Parse(r.GetProperty("id").GetString()!), r.GetProperty("amountMinor").GetInt64()));
                break;
            }
            case < 95:
                await Send("claim_rejected", Supervisor, $"/api/v1/agent/tickets/{w.CaseId}/claim-decision", new { upheld = false, reason = "混沌：索赔不成立" }, null);
                break;
            default: await Money("payment", wi, "/api/v1/wallet/payments", new { merchantId = Merchant, amountMinor = amount, description = "混沌" }, key, rng); break;
        }
    }

    /// <summary>A money POST; one in ten is sent twice at once with the same key, and both answers must name one transaction.</summary>
    private async Task<Guid?> Money(string kind, int wi, string url, object body, string key, Random rng, int? payee = null)
    {
        var c = Wallets[wi].Client;
        JsonElement? res;
        if (rng.Next(10) == 0)
        {
            var both = await Task.WhenAll(Send(kind, c, url, body, key), Send(kind + "_replay", c, url, body, key));
            if (both[0] is { } a && both[1] is { } b && a.GetProperty("id").GetString() != b.GetProperty("id").GetString())
                ServerErrors.Enqueue($"{kind}: one Idempotency-Key gave two transactions");
            res = both[0] ?? both[1];
        }
        else res = await Send(kind, c, url, body, key);
        if (res is not { } r) return null;
        var id = Guid.Parse(r.GetProperty("id").GetString()!);
        Acknowledged.Enqueue(new ChaosOp(kind, wi, id, r.GetProperty("amountMinor").GetInt64(), payee));
        return id;
    }

    private async Task<JsonElement?> Send(string kind, HttpClient c, string url, object body, string? key)
    {
        using var res = await Post(c, url, body, key);
        var code = (int)res.StatusCode;
        Outcomes.AddOrUpdate($"{kind} {code}", 1, (_, n) => n + 1);
        if (code >= 500) ServerErrors.Enqueue($"{kind} {url}: {code} {await res.Content.ReadAsStringAsync()}");
        if (code is < 200 or > 299 || res.StatusCode == System.Net.HttpStatusCode.NoContent) return null;
        return JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Post(HttpClient c, string url, object body, string? key)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null) req.Headers.Add("Idempotency-Key", key);
        return c.SendAsync(req);
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage res, int status)
    {
        var text = await res.Content.ReadAsStringAsync();
        if ((int)res.StatusCode != status) throw new InvalidOperationException($"expected {status}, got {(int)res.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<long> AvailableAsync(WalletUnderTest w) =>
        (await Json(await w.Client.GetAsync("/api/v1/wallet"), 200)).GetProperty("availableMinor").GetInt64();

    internal WalletCareFactory Factory => factory;
}
