using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Privacy;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Ledger;
using WalletCare.Platform.Validation;

namespace WalletCare.Wallet.Features;

public sealed record TransferRequest(string? ToPhone, long AmountMinor);

/// <summary>Who a transfer would reach, masked (李*, 138****0002), shown before any money moves.</summary>
public sealed record TransferPreview(string PayeeName, string PayeePhone);

/// <summary>POST /transfers (P2P by phone): one posting, a row on each side, the payee's wallet opened if needed.</summary>
public sealed class TransferHandler(WalletDbContext db, WalletOperations ops, OpenWalletHandler wallets, LedgerService ledger, IUserDirectory users, IStepUpGate stepUp)
{
    internal static async Task<Created<TransactionDto>> PostAsync(TransferRequest req, TransferHandler handler, CurrentUser user, TransactionExplainer x, HttpContext http, CancellationToken ct) =>
        WalletEndpoints.Created(x, await handler.HandleAsync(user.UserId, req, WalletEndpoints.Key(http), null, ct));

    /// <summary>The same payee checks as the transfer itself, without moving money: for the confirmation screen.</summary>
    public async Task<TransferPreview> PreviewAsync(Guid customerId, string? toPhone, CancellationToken ct = default)
    {
        var payee = await FindPayeeAsync(customerId, Text.Require(toPhone, "toPhone", 200), ct);
        var name = payee.DisplayName.Trim();
        return new TransferPreview(name.Length <= 1 ? name : name[..1] + new string('*', name.Length - 1), Masking.Phone(payee.Phone)!);
    }

    private async Task<UserSummary> FindPayeeAsync(Guid customerId, string toPhone, CancellationToken ct)
    {
        var payee = await users.FindByLoginAsync(toPhone, ct);
        if (payee is null || payee.Role != Roles.Customer || payee.Phone is null) throw new AppProblem(WalletErrors.PayeeNotFound);
        if (payee.Id == customerId) throw AppProblem.Validation("toPhone", "field.self_transfer");
        return payee;
    }

    public async Task<WalletTransaction> HandleAsync(Guid customerId, TransferRequest r, string key, DateTime? at = null, CancellationToken ct = default)
    {
        WalletOperations.RequirePositive(r.AmountMinor);
        var toPhone = Text.Require(r.ToPhone, "toPhone", 200);
        var hash = WalletOperations.Hash("transfer", r.ToPhone, r.AmountMinor);
        if (await ops.ExistingAsync(customerId, key, hash, ct) is { } done) return done;
        await stepUp.RequireAsync(customerId, StepUpOperations.Transfer, r.AmountMinor, ct);
        var payee = await FindPayeeAsync(customerId, toPhone, ct);
        var payeeWallet = await wallets.EnsureWalletAsync(payee.Id, ct);
        var payer = await users.GetAsync(customerId, ct);
        var when = at ?? ops.Now;
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        // Both wallets locked at once, in key order: opposite transfers between two people cannot deadlock.
        var w = await ops.WalletForUpdateAsync(customerId, ct, payeeWallet.LedgerAccountId);
        WalletOperations.RequireNotFrozen(w);
        await ops.RequireWithinLimitsAsync(w, r.AmountMinor, ct, when);
        var outTx = WalletTransaction.Open(customerId, TxType.TransferOut, r.AmountMinor, key, hash, when, TxStatus.Succeeded);
        outTx.CounterpartyCustomerId = payee.Id;
        outTx.Counterparty = $"{payee.DisplayName} {Masking.Phone(payee.Phone)}";
        var inTx = WalletTransaction.Open(payee.Id, TxType.TransferIn, r.AmountMinor, "in:" + outTx.Id, "", when, TxStatus.Succeeded);
        inTx.CounterpartyCustomerId = customerId;
        inTx.Counterparty = $"{payer?.DisplayName} {Masking.Phone(payer?.Phone)}";
        inTx.OriginalTransactionId = outTx.Id;
        await ledger.PostAsync([new TransferSpec(w.LedgerAccountId, payeeWallet.LedgerAccountId, r.AmountMinor, "transfer", "post:" + outTx.Id, outTx.Id)], when, ct);
        db.Transactions.AddRange(outTx, inTx);
        if (!await ops.TrySaveAsync(ct)) return (await ops.ExistingAsync(customerId, key, hash, ct))!;
        await dbtx.CommitAsync(ct);
        return outTx;
    }
}
