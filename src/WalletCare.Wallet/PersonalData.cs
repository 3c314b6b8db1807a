using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Contracts;

namespace WalletCare.Wallet;

/// <summary>The wallet's part of the personal-data export: the wallet, bound cards (last four digits only — the full number is never stored) and transactions.</summary>
internal sealed class WalletPersonalData(WalletDbContext db) : IPersonalDataSource
{
    public string Area => "wallet";

    public async Task<object?> ExportAsync(Guid customerId, CancellationToken ct = default)
    {
        var wallet = await db.Wallets.AsNoTracking().Where(w => w.CustomerId == customerId)
            .Select(w => new { w.Status, w.KycLevel, w.FrozenReason, w.FrozenAt, w.CreatedAt }).FirstOrDefaultAsync(ct);
        var cards = await db.Cards.AsNoTracking().Where(c => c.CustomerId == customerId)
            .Select(c => new { c.Id, c.Brand, c.Bank, c.Last4, c.Expiry, c.HolderName, c.Active, c.CreatedAt }).ToListAsync(ct);
        var transactions = await db.Transactions.AsNoTracking().Where(t => t.CustomerId == customerId).OrderBy(t => t.CreatedAt)
            .Select(t => new { t.Id, t.Type, t.Status, t.AmountMinor, t.Currency, t.FailureCode, t.Counterparty, t.Description, t.CreatedAt, t.UpdatedAt })
            .ToListAsync(ct);
        return new { wallet, cards, transactions };
    }
}
