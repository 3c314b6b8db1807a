using Microsoft.EntityFrameworkCore;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet.Features;

/// <summary>A customer's wallet is opened on first use (first look, first card, first incoming transfer or remedy).</summary>
public sealed class OpenWalletHandler(WalletDbContext db, TimeProvider time)
{
    /// <summary>The customer's wallet, tracked by this scope's context, created with its ledger account when missing.</summary>
    public async Task<Domain.Wallet> EnsureWalletAsync(Guid customerId, CancellationToken ct)
    {
        var w = await db.Wallets.FirstOrDefaultAsync(x => x.CustomerId == customerId, ct);
        if (w is not null) return w;
        var now = time.GetUtcNow().UtcDateTime;
        var account = new LedgerAccount
        {
            Kind = AccountKind.CustomerWallet, Code = "wallet:" + customerId, OwnerId = customerId, DebitsMustNotExceedCredits = true, CreatedAt = now,
        };
        w = new Domain.Wallet { CustomerId = customerId, LedgerAccountId = account.Id, CreatedAt = now, KycLevel = 1 };
        db.LedgerAccounts.Add(account);
        db.Wallets.Add(w);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // created concurrently by another request
            w = await db.Wallets.FirstAsync(x => x.CustomerId == customerId, ct);
        }
        return w;
    }
}
