using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Paging;
using WalletCare.Wallet.Domain;

namespace WalletCare.Wallet.Features;

public sealed record LimitsDto(long PerTransactionMinor, long DailyMinor, long MonthlyMinor);
public sealed record WalletDto(string Status, string Currency, long AvailableMinor, long HeldMinor, int KycLevel, LimitsDto Limits, string? FrozenReason);
public sealed record MerchantDto(Guid Id, string Name, string NameEn, string Descriptor, string Category);
public sealed record TransactionFilter(string? Type = null, string? Status = null, DateTime? From = null, DateTime? To = null);

/// <summary>
/// The wallet's read side, shared by the API and the Blazor pages so both show the same thing: every
/// row goes through <see cref="TransactionExplainer"/>, which puts codes into the request's language.
/// Always scoped to one customer; a row of someone else is simply not found.
/// </summary>
public sealed class WalletQueries(WalletDbContext db, OpenWalletHandler wallets, WalletLimits limits, TransactionExplainer x)
{
    /// <summary>Balances and limits. Opens the wallet on first look, as the home page always has.</summary>
    public async Task<WalletDto> GetWalletAsync(Guid customerId, CancellationToken ct = default)
    {
        var w = await wallets.EnsureWalletAsync(customerId, ct);
        var a = await db.LedgerAccounts.AsNoTracking().FirstAsync(l => l.Id == w.LedgerAccountId, ct);
        var l = limits.For(w.KycLevel);
        return new WalletDto(w.Status, a.Currency, a.Available, a.Held, w.KycLevel,
            new LimitsDto(l.PerTransactionMinor, l.DailyMinor, l.MonthlyMinor), w.FrozenReason);
    }

    public async Task<IReadOnlyList<CardDto>> CardsAsync(Guid customerId, CancellationToken ct = default) =>
        (await db.Cards.AsNoTracking().Where(c => c.CustomerId == customerId && c.Active).OrderBy(c => c.CreatedAt).ToListAsync(ct))
            .Select(TransactionExplainer.Map).ToList();

    public async Task<IReadOnlyList<MerchantDto>> MerchantsAsync(CancellationToken ct = default) =>
        await db.Merchants.AsNoTracking().OrderBy(m => m.Name).Select(m => new MerchantDto(m.Id, m.Name, m.NameEn, m.Descriptor, m.Category)).ToListAsync(ct);

    /// <summary>Newest first, keyset-paged on (CreatedAt, Id) so pages stay stable while new rows arrive.</summary>
    public async Task<CursorPage<TransactionDto>> TransactionsAsync(Guid customerId, TransactionFilter filter, int? limit, string? cursor, CancellationToken ct = default)
    {
        var q = db.Transactions.AsNoTracking().Where(t => t.CustomerId == customerId);
        if (!string.IsNullOrEmpty(filter.Type)) q = q.Where(t => t.Type == filter.Type);
        if (!string.IsNullOrEmpty(filter.Status)) q = q.Where(t => t.Status == filter.Status);
        if (filter.From is { } f) { var fu = f.ToUniversalTime(); q = q.Where(t => t.CreatedAt >= fu); }
        if (filter.To is { } tt) { var tu = tt.ToUniversalTime(); q = q.Where(t => t.CreatedAt < tu); }
        return await Keyset.PageAsync(q, t => t.CreatedAt, t => t.Id, descending: true, limit, cursor, t => x.Map(t), d => (d.CreatedAt, d.Id), ct);
    }

    /// <summary>One transaction with its status trail, or null when it is not this customer's.</summary>
    public async Task<TransactionDto?> TransactionAsync(Guid customerId, Guid id, CancellationToken ct = default)
    {
        var t = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.CustomerId == customerId, ct);
        if (t is null) return null;
        var events = await db.TransactionEvents.AsNoTracking().Where(e => e.TransactionId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return x.Map(t, events);
    }

    public async Task<TransactionDto> RequireTransactionAsync(Guid customerId, Guid id, CancellationToken ct = default) =>
        await TransactionAsync(customerId, id, ct) ?? throw AppProblem.NotFound();

    /// <summary>Statement rows in time order, [fromUtc, toUtc).</summary>
    public async Task<IReadOnlyList<TransactionDto>> StatementAsync(Guid customerId, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default) =>
        (await db.Transactions.AsNoTracking().Where(t => t.CustomerId == customerId && t.CreatedAt >= fromUtc && t.CreatedAt < toUtc)
            .OrderBy(t => t.CreatedAt).ToListAsync(ct)).Select(t => x.Map(t)).ToList();
}
