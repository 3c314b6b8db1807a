using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Gateway;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet.Features;

public sealed record WithdrawalRequest(Guid CardId, long AmountMinor);

/// <summary>
/// POST /withdrawals (wallet → card). The money is held (not posted) before the gateway is called, so
/// the customer cannot spend it twice while the bank decides; the answer commits or voids the hold.
/// </summary>
public sealed class WithdrawHandler(WalletDbContext db, WalletOperations ops, LedgerService ledger, ICardGateway gateway, GatewayResultHandler results, IStepUpGate stepUp)
{
    internal static async Task<Created<TransactionDto>> PostAsync(WithdrawalRequest req, WithdrawHandler handler, CurrentUser user, TransactionExplainer x, HttpContext http, CancellationToken ct) =>
        WalletEndpoints.Created(x, await handler.HandleAsync(user.UserId, req, WalletEndpoints.Key(http), ct));

    public async Task<WalletTransaction> HandleAsync(Guid customerId, WithdrawalRequest r, string key, CancellationToken ct = default)
    {
        WalletOperations.RequirePositive(r.AmountMinor);
        var hash = WalletOperations.Hash("withdrawal", r.CardId, r.AmountMinor);
        if (await ops.ExistingAsync(customerId, key, hash, ct) is { } done) return done;
        await stepUp.RequireAsync(customerId, StepUpOperations.Withdrawal, r.AmountMinor, ct);
        var when = ops.Now;
        WalletTransaction tx;
        Card card;
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            var gatewayAccount = await ledger.SystemAccountAsync(LedgerService.Gateway, ct);
            var w = await ops.WalletForUpdateAsync(customerId, ct, gatewayAccount.Id);
            WalletOperations.RequireNotFrozen(w);
            card = await ops.ActiveCardAsync(customerId, r.CardId, ct);
            await ops.RequireWithinLimitsAsync(w, r.AmountMinor, ct);
            tx = WalletTransaction.Open(customerId, TxType.Withdrawal, r.AmountMinor, key, hash, when);
            tx.CardId = card.Id;
            tx.Counterparty = WalletOperations.CardLabel(card);
            var hold = await ledger.HoldAsync(new TransferSpec(w.LedgerAccountId, gatewayAccount.Id, r.AmountMinor, TxType.Withdrawal, "hold:" + tx.Id, tx.Id), when, ct);
            tx.PendingTransferId = hold.Id;
            db.Transactions.Add(tx);
            if (!await ops.TrySaveAsync(ct)) return (await ops.ExistingAsync(customerId, key, hash, ct))!;
            await dbtx.CommitAsync(ct);
        }
        var result = gateway.Payout(card.Token, card.Expiry, r.AmountMinor, tx.Id.ToString(), when);
        return await results.ApplyAsync(tx.Id, result, when, ct);
    }
}
