using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Wallet.Domain;

namespace WalletCare.Wallet.Ledger;

public sealed record TransferSpec(Guid DebitAccountId, Guid CreditAccountId, long AmountMinor, string Kind, string Key, Guid? TransactionId);

/// <summary>
/// Posts transfers inside the caller's database transaction. Locks the affected accounts
/// (PostgreSQL: SELECT … FOR UPDATE in id order; SQLite: the IMMEDIATE transaction already holds
/// the single writer lock), updates running totals and refuses any customer overdraft.
/// </summary>
public sealed class LedgerService(WalletDbContext db)
{
    public const string Gateway = "gateway";
    public const string Fees = "fees";
    public const string Goodwill = "goodwill";
    public const string Provisional = "provisional";
    public const string RemedyExpense = "remedy_expense";

    public async Task<LedgerAccount> SystemAccountAsync(string code, CancellationToken ct) =>
        await db.LedgerAccounts.FirstOrDefaultAsync(a => a.Code == code, ct)
        ?? throw new InvalidOperationException($"system ledger account '{code}' missing");

    public async Task<Dictionary<Guid, LedgerAccount>> LockAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().Order().ToArray();
        if (db.IsPostgres)
        {
            return await db.LedgerAccounts
                .FromSqlRaw("SELECT * FROM ledger_accounts WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR UPDATE", set)
                .ToDictionaryAsync(a => a.Id, ct);
        }
        return await db.LedgerAccounts.Where(a => set.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
    }

    /// <summary>
    /// Posts immediately: one UPDATE moves both running totals (rows locked in primary-key order, so
    /// opposite transfers cannot deadlock) and the database's CHECK constraint refuses any customer
    /// overdraft, which surfaces as BALANCE_INSUFFICIENT with nothing written.
    /// </summary>
    public async Task<IReadOnlyList<LedgerTransfer>> PostAsync(IReadOnlyList<TransferSpec> specs, DateTime at, CancellationToken ct)
    {
        var result = new List<LedgerTransfer>(specs.Count);
        foreach (var s in specs)
        {
            if (s.AmountMinor <= 0) throw new ArgumentOutOfRangeException(nameof(specs), "transfer amounts are positive");
            if (s.DebitAccountId == s.CreditAccountId) throw new ArgumentException("debit and credit accounts must differ");
            var t = new LedgerTransfer
            {
                DebitAccountId = s.DebitAccountId, CreditAccountId = s.CreditAccountId, AmountMinor = s.AmountMinor,
                Flags = TransferFlags.Posted, Key = s.Key, TransactionId = s.TransactionId, Kind = s.Kind, At = at,
            };
            int affected;
            try
            {
                // One round trip: both running totals and the immutable transfer row.
                affected = await db.Database.ExecuteSqlRawAsync(t.TransactionId is null ? PostSqlWithoutTransaction : PostSql,
                    [s.DebitAccountId, s.CreditAccountId, s.AmountMinor, t.Id, t.Currency, t.Flags, t.Key, t.TransactionId ?? Guid.Empty, t.Kind, at], ct);
            }
            catch (Exception e) when (IsOverdraft(e))
            {
                db.ChangeTracker.Clear();
                throw new AppProblem(WalletErrors.BalanceInsufficient, 422);
            }
            if (affected != 3) throw new InvalidOperationException($"ledger posting touched {affected} rows, expected 3");
            // Tracked copies of these accounts are now stale: forget them so later reads see the database.
            foreach (var entry in db.ChangeTracker.Entries<LedgerAccount>().Where(e => e.Entity.Id == s.DebitAccountId || e.Entity.Id == s.CreditAccountId).ToList())
                entry.State = EntityState.Detached;
            result.Add(t);
        }
        return result;
    }

    private const string PostSqlHead =
        "UPDATE ledger_accounts SET \"DebitsPosted\" = \"DebitsPosted\" + CASE WHEN \"Id\" = {0} THEN {2} ELSE 0 END, " +
        "\"CreditsPosted\" = \"CreditsPosted\" + CASE WHEN \"Id\" = {1} THEN {2} ELSE 0 END WHERE \"Id\" IN ({0}, {1}); " +
        "INSERT INTO ledger_transfers (\"Id\", \"DebitAccountId\", \"CreditAccountId\", \"AmountMinor\", \"Currency\", \"Flags\", \"PendingId\", \"Key\", \"TransactionId\", \"Kind\", \"At\") ";
    private const string PostSql = PostSqlHead + "VALUES ({3}, {0}, {1}, {2}, {4}, {5}, NULL, {6}, {7}, {8}, {9})";
    private const string PostSqlWithoutTransaction = PostSqlHead + "VALUES ({3}, {0}, {1}, {2}, {4}, {5}, NULL, {6}, NULL, {8}, {9})";

    /// <summary>The no-overdraft CHECK constraint fired (PostgreSQL 23514, SQLite constraint error).</summary>
    public static bool IsOverdraft(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is Npgsql.PostgresException { SqlState: "23514" }) return true;
            if (x is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } se && se.Message.Contains("CHECK", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>A hold: debits_pending grows on the debit side until <see cref="CommitPendingAsync"/> or <see cref="VoidPendingAsync"/>.</summary>
    public async Task<LedgerTransfer> HoldAsync(TransferSpec spec, DateTime at, CancellationToken ct) =>
        (await ApplyAsync([spec], TransferFlags.Pending, at, ct))[0];

    public Task<LedgerTransfer> CommitPendingAsync(Guid pendingId, string key, DateTime at, CancellationToken ct) =>
        ResolvePendingAsync(pendingId, key, TransferFlags.PostPending, at, ct);

    public Task<LedgerTransfer> VoidPendingAsync(Guid pendingId, string key, DateTime at, CancellationToken ct) =>
        ResolvePendingAsync(pendingId, key, TransferFlags.VoidPending, at, ct);

    private async Task<IReadOnlyList<LedgerTransfer>> ApplyAsync(IReadOnlyList<TransferSpec> specs, string flags, DateTime at, CancellationToken ct)
    {
        foreach (var s in specs)
        {
            if (s.AmountMinor <= 0) throw new ArgumentOutOfRangeException(nameof(specs), "transfer amounts are positive");
            if (s.DebitAccountId == s.CreditAccountId) throw new ArgumentException("debit and credit accounts must differ");
        }
        var accounts = await LockAsync(specs.SelectMany(s => new[] { s.DebitAccountId, s.CreditAccountId }), ct);
        var result = new List<LedgerTransfer>(specs.Count);
        foreach (var s in specs)
        {
            var debit = accounts[s.DebitAccountId];
            var credit = accounts[s.CreditAccountId];
            if (flags == TransferFlags.Pending) debit.DebitsPending += s.AmountMinor;
            else debit.DebitsPosted += s.AmountMinor;
            if (flags == TransferFlags.Pending) credit.CreditsPending += s.AmountMinor;
            else credit.CreditsPosted += s.AmountMinor;
            if (debit.DebitsMustNotExceedCredits && debit.DebitsPosted + debit.DebitsPending > debit.CreditsPosted)
            {
                db.ChangeTracker.Clear();
                throw new AppProblem(WalletErrors.BalanceInsufficient, 422);
            }
            var t = new LedgerTransfer
            {
                DebitAccountId = s.DebitAccountId, CreditAccountId = s.CreditAccountId, AmountMinor = s.AmountMinor,
                Flags = flags, Key = s.Key, TransactionId = s.TransactionId, Kind = s.Kind, At = at,
            };
            db.LedgerTransfers.Add(t);
            result.Add(t);
        }
        return result;
    }

    private async Task<LedgerTransfer> ResolvePendingAsync(Guid pendingId, string key, string flags, DateTime at, CancellationToken ct)
    {
        var pending = await db.LedgerTransfers.AsNoTracking().FirstAsync(t => t.Id == pendingId && t.Flags == TransferFlags.Pending, ct);
        if (await db.LedgerTransfers.AnyAsync(t => t.PendingId == pendingId, ct))
            throw new AppProblem(WalletErrors.DuplicateRequest, 409);
        var accounts = await LockAsync([pending.DebitAccountId, pending.CreditAccountId], ct);
        var debit = accounts[pending.DebitAccountId];
        var credit = accounts[pending.CreditAccountId];
        debit.DebitsPending -= pending.AmountMinor;
        credit.CreditsPending -= pending.AmountMinor;
        if (flags == TransferFlags.PostPending)
        {
            debit.DebitsPosted += pending.AmountMinor;
            credit.CreditsPosted += pending.AmountMinor;
        }
        var t = new LedgerTransfer
        {
            DebitAccountId = pending.DebitAccountId, CreditAccountId = pending.CreditAccountId, AmountMinor = pending.AmountMinor,
            Flags = flags, PendingId = pendingId, Key = key, TransactionId = pending.TransactionId, Kind = pending.Kind, At = at,
        };
        db.LedgerTransfers.Add(t);
        return t;
    }
}

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
        return new LedgerVerification(problems.Count == 0, accounts.Count, transfers.Count, problems);
    }
}
