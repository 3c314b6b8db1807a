using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Wallet;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Testing;

/// <summary>
/// The invariants after a <see cref="LedgerChaos"/> run: the books balance and every account's stored
/// totals equal the sum of its transfers (verify-ledger); no customer is below zero; each wallet's
/// available balance equals what the acknowledged operations, in their final states, add up to — so an
/// acknowledged debit can neither vanish (money created) nor exceed the funds; every acknowledged
/// operation exists exactly once, with exactly the ledger transfers its final state calls for; no 5xx.
/// </summary>
public static class LedgerChaosCheck
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(this LedgerChaos chaos)
    {
        var problems = new List<string>(chaos.ServerErrors.Take(20));
        var f = chaos.Factory;
        var verified = await f.ScopedAsync(sp => LedgerVerifier.VerifyAsync(sp.GetRequiredService<WalletDbContext>(), default));
        problems.AddRange(verified.Problems);

        var ops = chaos.Acknowledged.ToList();
        var ids = ops.Select(o => o.Id).ToHashSet();
        var (statuses, transfers) = await f.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<WalletDbContext>();
            var tx = await db.Transactions.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Status }).ToListAsync();
            var tr = await db.LedgerTransfers.AsNoTracking().Where(t => t.TransactionId != null && ids.Contains(t.TransactionId.Value))
                .Select(t => new { t.TransactionId, t.Flags }).ToListAsync();
            return (tx.ToDictionary(t => t.Id, t => t.Status),
                tr.GroupBy(t => t.TransactionId!.Value).ToDictionary(g => g.Key, g => string.Join(",", g.Select(x => x.Flags).Order())));
        });
        var remedies = await RemedyStatesAsync(chaos);

        var expected = chaos.Wallets.Select(w => w.InitialAvailable).ToArray();
        foreach (var op in ops.DistinctBy(o => o.Id))
        {
            if (op.Kind == "remedy")
            {
                // An executed remedy credits once; a reversed one credited and was taken back.
                if (!remedies.TryGetValue(op.Id, out var state)) problems.Add($"remedy {op.Id} acknowledged but not found");
                else if (state == "executed") expected[op.Wallet] += op.AmountMinor;
                continue;
            }
            if (!statuses.TryGetValue(op.Id, out var status)) { problems.Add($"{op.Kind} {op.Id} acknowledged but not stored"); continue; }
            var flags = transfers.GetValueOrDefault(op.Id, "");
            var (delta, want) = Effect(op.Kind, status, op.AmountMinor);
            if (want is null) problems.Add($"{op.Kind} {op.Id} in unexpected state {status}");
            else if (flags != want) problems.Add($"{op.Kind} {op.Id} ({status}) has transfers [{flags}], expected [{want}]");
            expected[op.Wallet] += delta;
            if (op.Kind == "transfer" && status == "succeeded") expected[op.Payee!.Value] += op.AmountMinor;
        }
        for (var i = 0; i < chaos.Wallets.Count; i++)
        {
            var actual = await LedgerChaos.AvailableAsync(chaos.Wallets[i]);
            if (actual < 0) problems.Add($"wallet {i} is negative: {actual}");
            if (actual != expected[i]) problems.Add($"wallet {i}: available {actual} but the acknowledged operations add up to {expected[i]}");
        }
        return problems;
    }

    /// <summary>What an operation in its final state did to the wallet's available balance, and the transfers it must have.</summary>
    private static (long Delta, string? Transfers) Effect(string kind, string status, long amount) => (kind, status) switch
    {
        ("topup", "succeeded") => (amount, "posted"),
        ("topup", "failed" or "unknown" or "pending") => (0, ""),
        ("payment" or "transfer", "succeeded") => (-amount, "posted"),
        ("withdrawal", "succeeded") => (-amount, "pending,post_pending"),
        ("withdrawal", "pending" or "unknown") => (-amount, "pending"),
        ("withdrawal", "failed") => (0, "pending,void_pending"),
        ("refund_wallet", "succeeded") => (amount, "posted"),
        ("refund_card", "pending") => (0, "pending"),
        ("refund_card", "succeeded") => (0, "pending,post_pending"),
        ("refund_card", "failed") => (amount, "pending,void_pending"), // bounced: the fall-back credit returns it to the wallet
        _ => (0, null),
    };

    private static async Task<Dictionary<Guid, string>> RemedyStatesAsync(LedgerChaos chaos)
    {
        var states = new Dictionary<Guid, string>();
        foreach (var w in chaos.Wallets)
        {
            var list = await LedgerChaos.Json(await chaos.Agent.GetAsync($"/api/v1/agent/tickets/{w.CaseId}/remedies"), 200);
            foreach (var r in list.EnumerateArray())
                states[Guid.Parse(r.GetProperty("id").GetString()!)] = r.GetProperty("state").GetString()!;
        }
        return states;
    }

    public static string Summary(this LedgerChaos chaos) =>
        $"{chaos.Attempted} operations in {chaos.Elapsed.TotalSeconds:0.0} s, {chaos.Acknowledged.Count} acknowledged; " +
        string.Join(", ", chaos.Outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}×{kv.Value}"));
}
