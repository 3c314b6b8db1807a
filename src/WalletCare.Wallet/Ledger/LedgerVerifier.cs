using Microsoft.EntityFrameworkCore;

namespace WalletCare.Wallet.Ledger;

public sealed record LedgerVerification(bool Ok, int Accounts, long Transfers, IReadOnlyList<string> Problems);

public static class LedgerVerifier
{
    /// <summary>Recomputes every account from its transfers; the books must balance and no customer may be negative.</summary>
    public static async Task<LedgerVerification> VerifyAsync(WalletDbContext db, CancellationToken ct)
    {
        var problems = new List<string>();
        var transfers = await db.LedgerTransfers.AsNoTracking().ToListAsync(ct);
        var byId = transfers.ToDictionary(t => t.Id);
        var totals = new Dictionary<Guid, (long Dp, long Cp, long Dpend, long Cpend)>();
        void Add(Guid id, long dp, long cp, long dpe, long cpe)
        {
            var v = totals.GetValueOrDefault(id);
            totals[id] = (v.Dp + dp, v.Cp + cp, v.Dpend + dpe, v.Cpend + cpe);
        }
        long debitSum = 0, creditSum = 0;
        foreach (var t in transfers)
        {
            switch (t.Flags)
            {
                case TransferFlags.Posted:
                case TransferFlags.PostPending:
                    Add(t.DebitAccountId, t.AmountMinor, 0, 0, 0);
                    Add(t.CreditAccountId, 0, t.AmountMinor, 0, 0);
                    debitSum += t.AmountMinor;
                    creditSum += t.AmountMinor;
                    if (t.Flags == TransferFlags.PostPending) goto case TransferFlags.VoidPending;
                    break;
                case TransferFlags.VoidPending:
                    if (t.PendingId is not { } pid || !byId.TryGetValue(pid, out var p) || p.AmountMinor != t.AmountMinor)
                        problems.Add($"transfer {t.Id} resolves an unknown or different pending transfer");
                    Add(t.DebitAccountId, 0, 0, -t.AmountMinor, 0);
                    Add(t.CreditAccountId, 0, 0, 0, -t.AmountMinor);
                    break;
                case TransferFlags.Pending:
                    Add(t.DebitAccountId, 0, 0, t.AmountMinor, 0);
                    Add(t.CreditAccountId, 0, 0, 0, t.AmountMinor);
                    break;
                default:
                    problems.Add($"transfer {t.Id} has unknown flags {t.Flags}");
                    break;
            }
            if (t.AmountMinor <= 0) problems.Add($"transfer {t.Id} has a non-positive amount");
        }
        var accounts = await db.LedgerAccounts.AsNoTracking().ToListAsync(ct);
        var storedDebits = accounts.Sum(a => a.DebitsPosted);
        var storedCredits = accounts.Sum(a => a.CreditsPosted);
        if (storedDebits != storedCredits || storedDebits != debitSum || creditSum != storedCredits)
            problems.Add($"books do not balance: debits {storedDebits} ≠ credits {storedCredits} (transfers say {debitSum})");
        foreach (var a in accounts)
        {
            var v = totals.GetValueOrDefault(a.Id);
            if ((a.DebitsPosted, a.CreditsPosted, a.DebitsPending, a.CreditsPending) != (v.Dp, v.Cp, v.Dpend, v.Cpend))
                problems.Add($"account {a.Code}: stored totals differ from its transfers");
            if (a.DebitsMustNotExceedCredits && v.Dp + v.Dpend > v.Cp)
                problems.Add($"account {a.Code} is negative");
        }
        await VerifyUsageAsync(db, problems, ct);
        return new LedgerVerification(problems.Count == 0, accounts.Count, transfers.Count, problems);
    }

    /// <summary>Each running day/month usage row equals the outgoing transactions that count in that period.</summary>
    private static async Task VerifyUsageAsync(WalletDbContext db, List<string> problems, CancellationToken ct)
    {
        string[] outgoing = [Domain.TxType.Payment, Domain.TxType.TransferOut, Domain.TxType.Withdrawal];
        string[] counting = [Domain.TxStatus.Succeeded, Domain.TxStatus.Pending, Domain.TxStatus.Unknown];
        var expected = new Dictionary<(Guid, string), long>();
        await foreach (var t in db.Transactions.AsNoTracking().Where(t => outgoing.Contains(t.Type) && counting.Contains(t.Status))
                           .Select(t => new { t.CustomerId, t.AmountMinor, t.CreatedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var period in new[] { Domain.WalletUsage.Day(t.CreatedAt), Domain.WalletUsage.Month(t.CreatedAt) })
                expected[(t.CustomerId, period)] = expected.GetValueOrDefault((t.CustomerId, period)) + t.AmountMinor;
        }
        var stored = await db.Usage.AsNoTracking().Where(u => u.OutgoingMinor != 0).ToListAsync(ct);
        foreach (var u in stored)
        {
            if (expected.Remove((u.CustomerId, u.Period), out var want) && want == u.OutgoingMinor) continue;
            problems.Add($"usage {u.Period} of customer {u.CustomerId}: stored {u.OutgoingMinor}, transactions say {want}");
        }
        foreach (var ((customer, period), want) in expected)
            problems.Add($"usage {period} of customer {customer}: missing, transactions say {want}");
    }
}
