using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;

namespace WalletCare.Wallet.Ledger;

public sealed record TransferSpec(Guid DebitAccountId, Guid CreditAccountId, long AmountMinor, string Kind, string Key, Guid? TransactionId);

/// <summary>
/// Moves money inside the caller's database transaction. Every mutation — post, hold, commit, void —
/// is one statement batch that inserts the immutable transfer row and changes the two running totals by
/// relative increments in the database (<c>"DebitsPosted" = "DebitsPosted" + @a</c>). Totals are never
/// written back from values read earlier: a context that read an account before another request
/// committed a debit would otherwise erase that debit (issue #9, C1). The no-overdraft CHECK constraint
/// refuses any customer overdraft; the unique index on PendingId refuses resolving a hold twice.
/// Locks: on PostgreSQL callers lock every account they will touch in one <see cref="LockAsync"/> call
/// (key order), so no two transactions wait on each other in a cycle; on SQLite the IMMEDIATE
/// transaction already holds the single writer lock.
/// </summary>
public sealed class LedgerService(WalletDbContext db)
{
    public const string Gateway = "gateway";
    public const string Fees = "fees";
    public const string Goodwill = "goodwill";
    public const string Provisional = "provisional";
    public const string RemedyExpense = "remedy_expense";

    public async Task<LedgerAccount> SystemAccountAsync(string code, CancellationToken ct) =>
        await db.LedgerAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct)
        ?? throw new InvalidOperationException($"system ledger account '{code}' missing");

    /// <summary>
    /// Locks the accounts (PostgreSQL: SELECT … ORDER BY id FOR UPDATE) and returns their committed state,
    /// untracked: the values are for checks only and must never be saved back.
    /// </summary>
    public async Task<Dictionary<Guid, LedgerAccount>> LockAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().Order().ToArray();
        if (db.IsPostgres)
        {
            return await db.LedgerAccounts
                .FromSqlRaw("SELECT * FROM ledger_accounts WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR UPDATE", set)
                .AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        }
        return await db.LedgerAccounts.AsNoTracking().Where(a => set.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
    }

    /// <summary>Posts immediately (debits and credits posted).</summary>
    public async Task<IReadOnlyList<LedgerTransfer>> PostAsync(IReadOnlyList<TransferSpec> specs, DateTime at, CancellationToken ct)
    {
        var result = new List<LedgerTransfer>(specs.Count);
        foreach (var s in specs)
            result.Add(await ApplyAsync(New(s, TransferFlags.Posted, null, at), posted: s.AmountMinor, pending: 0, ct));
        return result;
    }

    /// <summary>A hold: the pending totals grow until <see cref="CommitPendingAsync"/> or <see cref="VoidPendingAsync"/>.</summary>
    public Task<LedgerTransfer> HoldAsync(TransferSpec spec, DateTime at, CancellationToken ct) =>
        ApplyAsync(New(spec, TransferFlags.Pending, null, at), posted: 0, pending: spec.AmountMinor, ct);

    public Task<LedgerTransfer> CommitPendingAsync(Guid pendingId, string key, DateTime at, CancellationToken ct) =>
        ResolvePendingAsync(pendingId, key, TransferFlags.PostPending, at, ct);

    public Task<LedgerTransfer> VoidPendingAsync(Guid pendingId, string key, DateTime at, CancellationToken ct) =>
        ResolvePendingAsync(pendingId, key, TransferFlags.VoidPending, at, ct);

    private async Task<LedgerTransfer> ResolvePendingAsync(Guid pendingId, string key, string flags, DateTime at, CancellationToken ct)
    {
        var pending = await db.LedgerTransfers.AsNoTracking().FirstAsync(t => t.Id == pendingId && t.Flags == TransferFlags.Pending, ct);
        if (await db.LedgerTransfers.AnyAsync(t => t.PendingId == pendingId, ct))
            throw new AppProblem(WalletErrors.DuplicateRequest);
        var spec = new TransferSpec(pending.DebitAccountId, pending.CreditAccountId, pending.AmountMinor, pending.Kind, key, pending.TransactionId);
        var amount = pending.AmountMinor;
        return await ApplyAsync(New(spec, flags, pendingId, at), posted: flags == TransferFlags.PostPending ? amount : 0, pending: -amount, ct);
    }

    private static LedgerTransfer New(TransferSpec s, string flags, Guid? pendingId, DateTime at)
    {
        if (s.AmountMinor <= 0) throw new ArgumentOutOfRangeException(nameof(s), "transfer amounts are positive");
        if (s.DebitAccountId == s.CreditAccountId) throw new ArgumentException("debit and credit accounts must differ");
        return new LedgerTransfer
        {
            DebitAccountId = s.DebitAccountId, CreditAccountId = s.CreditAccountId, AmountMinor = s.AmountMinor,
            Flags = flags, PendingId = pendingId, Key = s.Key, TransactionId = s.TransactionId, Kind = s.Kind, At = at,
        };
    }

    /// <summary>
    /// One round trip: the transfer row first (a duplicate key or a second resolution of a hold fails
    /// before any total moves), then both accounts' totals by the same relative deltas.
    /// </summary>
    private async Task<LedgerTransfer> ApplyAsync(LedgerTransfer t, long posted, long pending, CancellationToken ct)
    {
        int affected;
        try
        {
            affected = await db.Database.ExecuteSqlRawAsync(Sql,
                [t.DebitAccountId, t.CreditAccountId, posted, pending, t.Id, t.AmountMinor, t.Currency, t.Flags,
                 t.PendingId ?? Guid.Empty, t.Key, t.TransactionId ?? Guid.Empty, t.Kind, t.At, Guid.Empty], ct);
        }
        catch (Exception e) when (IsOverdraft(e))
        {
            db.ChangeTracker.Clear();
            throw new AppProblem(WalletErrors.BalanceInsufficient);
        }
        catch (Exception e) when (t.PendingId is not null && IsUniqueViolation(e))
        {
            throw new AppProblem(WalletErrors.DuplicateRequest); // resolved concurrently by another node
        }
        if (affected != 3) throw new InvalidOperationException($"ledger posting touched {affected} rows, expected 3");
        return t;
    }

    private const string Insert =
        "INSERT INTO ledger_transfers (\"Id\", \"DebitAccountId\", \"CreditAccountId\", \"AmountMinor\", \"Currency\", \"Flags\", \"PendingId\", \"Key\", \"TransactionId\", \"Kind\", \"At\") " +
        "VALUES ({4}, {0}, {1}, {5}, {6}, {7}, NULLIF({8}, {13}), {9}, NULLIF({10}, {13}), {11}, {12}); ";

    private const string Set =
        "UPDATE ledger_accounts SET " +
        "\"DebitsPosted\" = \"DebitsPosted\" + CASE WHEN \"Id\" = {0} THEN {2} ELSE 0 END, " +
        "\"DebitsPending\" = \"DebitsPending\" + CASE WHEN \"Id\" = {0} THEN {3} ELSE 0 END, " +
        "\"CreditsPosted\" = \"CreditsPosted\" + CASE WHEN \"Id\" = {1} THEN {2} ELSE 0 END, " +
        "\"CreditsPending\" = \"CreditsPending\" + CASE WHEN \"Id\" = {1} THEN {3} ELSE 0 END ";

    // No explicit row locks here: callers lock every account of the operation first, in key order, with
    // LockAsync (PostgreSQL), so this UPDATE takes no lock it does not already hold and cannot join a cycle.
    private const string Sql = Insert + Set + "WHERE \"Id\" IN ({0}, {1})";

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

    public static bool IsUniqueViolation(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is Npgsql.PostgresException { SqlState: "23505" }) return true;
            if (x is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } se && se.Message.Contains("UNIQUE", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
