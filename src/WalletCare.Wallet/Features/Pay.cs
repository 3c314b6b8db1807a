using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Ledger;
using WalletCare.Platform.Validation;

namespace WalletCare.Wallet.Features;

public sealed record PaymentRequest(Guid MerchantId, long AmountMinor, string? Description);

/// <summary>POST /payments (wallet → merchant): one posting, succeeded at once, inside the wallet's limits.</summary>
public sealed class PayHandler(WalletDbContext db, WalletOperations ops, LedgerService ledger)
{
    internal static async Task<Created<TransactionDto>> PostAsync(PaymentRequest req, PayHandler handler, CurrentUser user, TransactionExplainer x, HttpContext http, CancellationToken ct) =>
        WalletEndpoints.Created(x, await handler.HandleAsync(user.UserId, req, WalletEndpoints.Key(http), null, ct));

    public async Task<WalletTransaction> HandleAsync(Guid customerId, PaymentRequest r, string key, DateTime? at = null, CancellationToken ct = default)
    {
        WalletOperations.RequirePositive(r.AmountMinor);
        Text.Optional(r.Description, "description", 200);
        var hash = WalletOperations.Hash("payment", r.MerchantId, r.AmountMinor, r.Description);
        if (await ops.ExistingAsync(customerId, key, hash, ct) is { } done) return done;
        var when = at ?? ops.Now;
        var m = await db.Merchants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.MerchantId, ct)
            ?? throw AppProblem.Validation("merchantId", "field.invalid");
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        var w = await ops.WalletForUpdateAsync(customerId, ct, m.LedgerAccountId);
        WalletOperations.RequireNotFrozen(w);
        await ops.RequireWithinLimitsAsync(w, r.AmountMinor, ct, when);
        var tx = WalletTransaction.Open(customerId, TxType.Payment, r.AmountMinor, key, hash, when, TxStatus.Succeeded);
        tx.MerchantId = m.Id;
        tx.Counterparty = m.Name;
        tx.Description = string.IsNullOrWhiteSpace(r.Description) ? m.Descriptor : r.Description.Trim();
        await ledger.PostAsync([new TransferSpec(w.LedgerAccountId, m.LedgerAccountId, r.AmountMinor, TxType.Payment, "post:" + tx.Id, tx.Id)], when, ct);
        db.Transactions.Add(tx);
        if (!await ops.TrySaveAsync(ct)) return (await ops.ExistingAsync(customerId, key, hash, ct))!;
        await dbtx.CommitAsync(ct);
        return tx;
    }
}
