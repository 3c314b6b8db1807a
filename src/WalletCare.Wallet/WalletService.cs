using WalletCare.Platform.Privacy;
using WalletCare.Platform.Contracts;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Errors;
using WalletCare.Wallet.Domain;
using WalletCare.Wallet.Gateway;
using WalletCare.Wallet.Ledger;

namespace WalletCare.Wallet;

public sealed record BindCardRequest(string? Number, string? Expiry, string? Cvv, string? HolderName);
public sealed record TopupRequest(Guid CardId, long AmountMinor);
public sealed record PaymentRequest(Guid MerchantId, long AmountMinor, string? Description);
public sealed record TransferRequest(string? ToPhone, long AmountMinor);
public sealed record WithdrawalRequest(Guid CardId, long AmountMinor);
public sealed record RefundRequest(long AmountMinor, bool ToCard);

/// <summary>
/// Every money operation of the wallet. Each movement is one balanced ledger posting inside one
/// database transaction, and each transaction row carries the client's idempotency key (unique per
/// customer), so a replay finds the first result instead of moving money again.
/// Gateway operations commit a pending row first, call the gateway outside the lock, then record the answer.
/// </summary>
public sealed class WalletService(
    WalletDbContext db, LedgerService ledger, ICardGateway gateway, WalletLimits limits, IUserDirectory users,
    IBusinessCalendarProvider calendars, IAuditLog audit, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static string Hash(params object?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))));

    public async Task<Domain.Wallet> EnsureWalletAsync(Guid customerId, CancellationToken ct)
    {
        var w = await db.Wallets.FirstOrDefaultAsync(x => x.CustomerId == customerId, ct);
        if (w is not null) return w;
        var account = new LedgerAccount
        {
            Kind = AccountKind.CustomerWallet, Code = "wallet:" + customerId, OwnerId = customerId, DebitsMustNotExceedCredits = true, CreatedAt = Now,
        };
        w = new Domain.Wallet { CustomerId = customerId, LedgerAccountId = account.Id, CreatedAt = Now, KycLevel = 1 };
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

    public async Task<Card> BindCardAsync(Guid customerId, BindCardRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var digits = new string((r.Number ?? "").Where(char.IsDigit).ToArray());
        if (digits.Length is < 12 or > 19 || !SimulatedCardGateway.Luhn(digits)) errors["number"] = ["field.card_number"];
        if (!SimulatedCardGateway.TryExpiry(r.Expiry ?? "", out _)) errors["expiry"] = ["field.card_expiry"];
        if (string.IsNullOrWhiteSpace(r.Cvv) || r.Cvv.Length is < 3 or > 4 || !r.Cvv.All(char.IsDigit)) errors["cvv"] = ["field.card_cvv"];
        if (string.IsNullOrWhiteSpace(r.HolderName) || r.HolderName.Length > 60) errors["holderName"] = ["field.required"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        await EnsureWalletAsync(customerId, ct);
        var t = gateway.Tokenize(digits, r.Expiry!, r.Cvv!, Now);
        if (t.Token is null) throw new AppProblem(WalletErrors.Gateway(t.Code!));
        var card = new Card
        {
            CustomerId = customerId, Token = t.Token, Brand = t.Brand, Bank = t.Bank, Last4 = t.Last4, Expiry = r.Expiry!,
            HolderName = r.HolderName!.Trim(), CreatedAt = Now,
        };
        db.Cards.Add(card);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(customerId.ToString(), "card.bound", "card:" + card.Id, new { card.Last4, card.Brand }, ct);
        return card;
    }

    public async Task UnbindCardAsync(Guid customerId, Guid cardId, CancellationToken ct)
    {
        var n = await db.Cards.Where(c => c.Id == cardId && c.CustomerId == customerId && c.Active).ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false), ct);
        if (n == 0) throw AppProblem.NotFound();
        await audit.WriteAsync(customerId.ToString(), "card.unbound", "card:" + cardId, null, ct);
    }

    // ---------------------------------------------------------------- top-up (card → wallet)

    public async Task<WalletTransaction> TopupAsync(Guid customerId, TopupRequest r, string key, DateTime? at = null, CancellationToken ct = default)
    {
        RequirePositive(r.AmountMinor);
        var hash = Hash("topup", r.CardId, r.AmountMinor);
        if (await ExistingAsync(customerId, key, hash, ct) is { } done) return done;
        var when = at ?? Now;
        WalletTransaction tx;
        Card card;
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            var w = await WalletForUpdateAsync(customerId, ct);
            RequireNotFrozen(w);
            card = await ActiveCardAsync(customerId, r.CardId, ct);
            tx = NewTx(customerId, TxType.Topup, r.AmountMinor, key, hash, when);
            tx.CardId = card.Id;
            tx.Counterparty = $"{card.Bank} {card.Brand} ****{card.Last4}";
            db.Transactions.Add(tx);
            Event(tx, TxStatus.Pending, null, when);
            if (!await TrySaveAsync(ct)) return (await ExistingAsync(customerId, key, hash, ct))!;
            await dbtx.CommitAsync(ct);
        }
        var result = gateway.Charge(card.Token, card.Expiry, r.AmountMinor, tx.Id.ToString(), when);
        return await ApplyGatewayResultAsync(tx.Id, result, when, ct);
    }

    // ---------------------------------------------------------------- withdrawal (wallet → card)

    public async Task<WalletTransaction> WithdrawAsync(Guid customerId, WithdrawalRequest r, string key, CancellationToken ct = default)
    {
        RequirePositive(r.AmountMinor);
        var hash = Hash("withdrawal", r.CardId, r.AmountMinor);
        if (await ExistingAsync(customerId, key, hash, ct) is { } done) return done;
        var when = Now;
        WalletTransaction tx;
        Card card;
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            var gatewayAccount = await ledger.SystemAccountAsync(LedgerService.Gateway, ct);
            var w = await WalletForUpdateAsync(customerId, ct, gatewayAccount.Id);
            RequireNotFrozen(w);
            card = await ActiveCardAsync(customerId, r.CardId, ct);
            await RequireWithinLimitsAsync(w, r.AmountMinor, ct);
            tx = NewTx(customerId, TxType.Withdrawal, r.AmountMinor, key, hash, when);
            tx.CardId = card.Id;
            tx.Counterparty = $"{card.Bank} {card.Brand} ****{card.Last4}";
            var hold = await ledger.HoldAsync(new TransferSpec(w.LedgerAccountId, gatewayAccount.Id, r.AmountMinor, TxType.Withdrawal, "hold:" + tx.Id, tx.Id), when, ct);
            tx.PendingTransferId = hold.Id;
            db.Transactions.Add(tx);
            Event(tx, TxStatus.Pending, null, when);
            if (!await TrySaveAsync(ct)) return (await ExistingAsync(customerId, key, hash, ct))!;
            await dbtx.CommitAsync(ct);
        }
        var result = gateway.Payout(card.Token, card.Expiry, r.AmountMinor, tx.Id.ToString(), when);
        return await ApplyGatewayResultAsync(tx.Id, result, when, ct);
    }

    /// <summary>Records what the gateway said: post (or commit the hold), fail (void the hold), or leave unknown for the query job.</summary>
    internal async Task<WalletTransaction> ApplyGatewayResultAsync(Guid txId, GatewayResult result, DateTime when, CancellationToken ct)
    {
        var customerId = await db.Transactions.Where(t => t.Id == txId).Select(t => t.CustomerId).FirstAsync(ct);
        var gw = await ledger.SystemAccountAsync(LedgerService.Gateway, ct);
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        // Every operation on this wallet serialises on its ledger account, so the status read after the
        // lock is the committed one: a request and the query job cannot both apply the answer.
        var w = await WalletForUpdateAsync(customerId, ct, gw.Id);
        var tx = await db.Transactions.FirstAsync(t => t.Id == txId, ct);
        if (tx.Status is not (TxStatus.Pending or TxStatus.Unknown)) return tx; // already settled by someone else
        switch (result.Outcome)
        {
            case GatewayOutcome.Approved:
                if (tx.Type == TxType.Topup)
                {
                    await ledger.PostAsync([new TransferSpec(gw.Id, w.LedgerAccountId, tx.AmountMinor, TxType.Topup, "post:" + tx.Id, tx.Id)], when, ct);
                }
                else if (tx.PendingTransferId is { } hold)
                {
                    await ledger.CommitPendingAsync(hold, "commit:" + tx.Id, when, ct);
                }
                SetStatus(tx, TxStatus.Succeeded, null, when);
                break;
            case GatewayOutcome.Declined:
                if (tx.PendingTransferId is { } h) await ledger.VoidPendingAsync(h, "void:" + tx.Id, when, ct);
                SetStatus(tx, TxStatus.Failed, result.Code, when);
                break;
            default:
                if (tx.Status != TxStatus.Unknown) SetStatus(tx, TxStatus.Unknown, WalletErrors.Timeout, when);
                break;
        }
        await db.SaveChangesAsync(ct);
        await dbtx.CommitAsync(ct);
        return tx;
    }

    // ---------------------------------------------------------------- payment (wallet → merchant)

    public async Task<WalletTransaction> PayAsync(Guid customerId, PaymentRequest r, string key, DateTime? at = null, CancellationToken ct = default)
    {
        RequirePositive(r.AmountMinor);
        if (r.Description is { Length: > 200 }) throw AppProblem.Validation("description", "field.invalid");
        var hash = Hash("payment", r.MerchantId, r.AmountMinor, r.Description);
        if (await ExistingAsync(customerId, key, hash, ct) is { } done) return done;
        var when = at ?? Now;
        var m = await db.Merchants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.MerchantId, ct)
            ?? throw AppProblem.Validation("merchantId", "field.invalid");
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        var w = await WalletForUpdateAsync(customerId, ct, m.LedgerAccountId);
        RequireNotFrozen(w);
        await RequireWithinLimitsAsync(w, r.AmountMinor, ct, when);
        var tx = NewTx(customerId, TxType.Payment, r.AmountMinor, key, hash, when);
        tx.MerchantId = m.Id;
        tx.Counterparty = m.Name;
        tx.Description = string.IsNullOrWhiteSpace(r.Description) ? m.Descriptor : r.Description.Trim();
        await ledger.PostAsync([new TransferSpec(w.LedgerAccountId, m.LedgerAccountId, r.AmountMinor, TxType.Payment, "post:" + tx.Id, tx.Id)], when, ct);
        tx.Status = TxStatus.Succeeded;
        db.Transactions.Add(tx);
        Event(tx, TxStatus.Succeeded, null, when);
        if (!await TrySaveAsync(ct)) return (await ExistingAsync(customerId, key, hash, ct))!;
        await dbtx.CommitAsync(ct);
        return tx;
    }

    /// <summary>Records a payment the issuer or our checks declined, as history (demo seed, card-funded payments).</summary>
    internal async Task<WalletTransaction> RecordFailedAsync(Guid customerId, string type, long amount, string code, string key, DateTime at, Guid? merchantId, Guid? cardId, CancellationToken ct)
    {
        if (await db.Transactions.FirstOrDefaultAsync(t => t.CustomerId == customerId && t.IdempotencyKey == key, ct) is { } existing) return existing;
        var tx = NewTx(customerId, type, amount, key, Hash(type, amount, code), at);
        tx.MerchantId = merchantId;
        tx.CardId = cardId;
        if (merchantId is { } mid) tx.Counterparty = (await db.Merchants.FirstAsync(m => m.Id == mid, ct)).Name;
        if (cardId is { } cid && await db.Cards.FirstOrDefaultAsync(c => c.Id == cid, ct) is { } card) tx.Counterparty = $"{card.Bank} {card.Brand} ****{card.Last4}";
        db.Transactions.Add(tx);
        Event(tx, TxStatus.Pending, null, at);
        SetStatus(tx, TxStatus.Failed, code, at);
        await db.SaveChangesAsync(ct);
        return tx;
    }

    // ---------------------------------------------------------------- P2P transfer

    public async Task<WalletTransaction> TransferAsync(Guid customerId, TransferRequest r, string key, DateTime? at = null, CancellationToken ct = default)
    {
        RequirePositive(r.AmountMinor);
        if (string.IsNullOrWhiteSpace(r.ToPhone)) throw AppProblem.Validation("toPhone", "field.required");
        var hash = Hash("transfer", r.ToPhone, r.AmountMinor);
        if (await ExistingAsync(customerId, key, hash, ct) is { } done) return done;
        var payee = await users.FindByLoginAsync(r.ToPhone.Trim(), ct);
        if (payee is null || payee.Role != Platform.Http.Roles.Customer || payee.Phone is null) throw new AppProblem(WalletErrors.PayeeNotFound);
        if (payee.Id == customerId) throw AppProblem.Validation("toPhone", "field.self_transfer");
        var payeeWallet = await EnsureWalletAsync(payee.Id, ct);
        var payer = await users.GetAsync(customerId, ct);
        var when = at ?? Now;
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        // Both wallets locked at once, in key order: opposite transfers between two people cannot deadlock.
        var w = await WalletForUpdateAsync(customerId, ct, payeeWallet.LedgerAccountId);
        RequireNotFrozen(w);
        await RequireWithinLimitsAsync(w, r.AmountMinor, ct, when);
        var outTx = NewTx(customerId, TxType.TransferOut, r.AmountMinor, key, hash, when);
        outTx.CounterpartyCustomerId = payee.Id;
        outTx.Counterparty = $"{payee.DisplayName} {Masking.Phone(payee.Phone)}";
        var inTx = NewTx(payee.Id, TxType.TransferIn, r.AmountMinor, "in:" + outTx.Id, "", when);
        inTx.CounterpartyCustomerId = customerId;
        inTx.Counterparty = $"{payer?.DisplayName} {Masking.Phone(payer?.Phone)}";
        inTx.OriginalTransactionId = outTx.Id;
        await ledger.PostAsync([new TransferSpec(w.LedgerAccountId, payeeWallet.LedgerAccountId, r.AmountMinor, "transfer", "post:" + outTx.Id, outTx.Id)], when, ct);
        outTx.Status = inTx.Status = TxStatus.Succeeded;
        db.Transactions.AddRange(outTx, inTx);
        Event(outTx, TxStatus.Succeeded, null, when);
        Event(inTx, TxStatus.Succeeded, null, when);
        if (!await TrySaveAsync(ct)) return (await ExistingAsync(customerId, key, hash, ct))!;
        await dbtx.CommitAsync(ct);
        return outTx;
    }

    // ---------------------------------------------------------------- merchant refund of a payment

    public async Task<WalletTransaction> RefundPaymentAsync(Guid paymentId, RefundRequest r, string key, CancellationToken ct = default)
    {
        RequirePositive(r.AmountMinor);
        var payment = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == paymentId && t.Type == TxType.Payment, ct) ?? throw AppProblem.NotFound();
        var hash = Hash("refund", paymentId, r.AmountMinor, r.ToCard);
        if (await ExistingAsync(payment.CustomerId, key, hash, ct) is { } done) return done;
        if (payment.Status != TxStatus.Succeeded) throw new AppProblem(WalletErrors.RefundNotAllowed);
        var when = Now;
        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == payment.MerchantId, ct);
        var gw = await ledger.SystemAccountAsync(LedgerService.Gateway, ct);
        await using var dbtx = await db.Database.BeginTransactionAsync(ct);
        var w = await WalletForUpdateAsync(payment.CustomerId, ct, merchant.LedgerAccountId, gw.Id);
        var tx = await RefundLockedAsync(payment, merchant, w, gw, r, key, hash, when, ct);
        if (!await TrySaveAsync(ct)) return (await ExistingAsync(payment.CustomerId, key, hash, ct))!;
        await dbtx.CommitAsync(ct);
        await audit.WriteAsync("system", "refund.created", "txn:" + tx.Id, new { paymentId, r.AmountMinor, r.ToCard }, ct);
        return tx;
    }

    /// <summary>
    /// The refund itself, inside the caller's transaction with the wallet, merchant and gateway accounts
    /// locked: to the wallet it posts at once; to the card it holds the merchant's money until the bank
    /// settles (T+N business days). Never more than what is left of the payment.
    /// </summary>
    internal async Task<WalletTransaction> RefundLockedAsync(WalletTransaction payment, Merchant merchant, Domain.Wallet w, LedgerAccount gw,
        RefundRequest r, string key, string hash, DateTime when, CancellationToken ct)
    {
        // Executed refund remedies count too: a payment is refunded once, whichever route paid it back.
        var refunded = await db.Transactions.RefundsOf(payment.Id).SumAsync(t => (long?)t.AmountMinor, ct) ?? 0;
        if (refunded + r.AmountMinor > payment.AmountMinor) throw new AppProblem(WalletErrors.RefundNotAllowed);
        var tx = NewTx(payment.CustomerId, TxType.Refund, r.AmountMinor, key, hash, when);
        tx.MerchantId = merchant.Id;
        tx.Counterparty = merchant.Name;
        tx.OriginalTransactionId = payment.Id;
        tx.Description = payment.Description;
        db.Transactions.Add(tx);
        Event(tx, TxStatus.Pending, null, when);
        if (!r.ToCard)
        {
            tx.RefundDestination = "wallet";
            await ledger.PostAsync([new TransferSpec(merchant.LedgerAccountId, w.LedgerAccountId, r.AmountMinor, TxType.Refund, "post:" + tx.Id, tx.Id)], when, ct);
            SetStatus(tx, TxStatus.Succeeded, null, when);
            return tx;
        }
        var card = await db.Cards.AsNoTracking().Where(c => c.CustomerId == payment.CustomerId && c.Active).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct)
            ?? throw new AppProblem(WalletErrors.CardNotBound);
        var cal = await calendars.GetAsync(ct);
        var today = DateOnly.FromDateTime(BusinessCalendar.ToLocal(when));
        var day = cal.AddBusinessDays(today, limits.CardRefundBusinessDays);
        tx.RefundDestination = "card";
        tx.CardId = card.Id;
        tx.Counterparty = $"{merchant.Name} → {card.Bank} ****{card.Last4}";
        tx.SettleAt = BusinessCalendar.ToUtc(day.ToDateTime(new TimeOnly(10, 0)));
        tx.ExpectedBy = cal.EndOfBusinessUtc(day);
        var hold = await ledger.HoldAsync(new TransferSpec(merchant.LedgerAccountId, gw.Id, r.AmountMinor, TxType.Refund, "hold:" + tx.Id, tx.Id), when, ct);
        tx.PendingTransferId = hold.Id;
        Event(tx, TxStatus.Pending, "refund.sent_to_bank", when);
        return tx;
    }

    // ---------------------------------------------------------------- helpers

    internal static WalletTransaction NewTx(Guid customerId, string type, long amount, string key, string hash, DateTime at) => new()
    {
        CustomerId = customerId, Type = type, AmountMinor = amount, IdempotencyKey = key, RequestHash = hash, CreatedAt = at, UpdatedAt = at,
    };

    internal void Event(WalletTransaction tx, string status, string? note, DateTime at) =>
        db.TransactionEvents.Add(new TransactionEvent { TransactionId = tx.Id, At = at, Status = status, Code = tx.FailureCode, Note = note });

    internal void SetStatus(WalletTransaction tx, string status, string? code, DateTime at)
    {
        tx.Status = status;
        tx.FailureCode = code;
        tx.UpdatedAt = at;
        tx.Version++;
        Event(tx, status, null, at);
    }

    private static void RequirePositive(long amount)
    {
        if (amount <= 0) throw AppProblem.Validation("amountMinor", "field.amount_positive");
        if (amount > 100_000_000_00) throw AppProblem.Validation("amountMinor", "field.invalid");
    }

    private static void RequireNotFrozen(Domain.Wallet w)
    {
        if (w.Status != WalletStatus.Active) throw new AppProblem(WalletErrors.WalletFrozen);
    }

    private async Task<WalletTransaction?> ExistingAsync(Guid customerId, string key, string hash, CancellationToken ct)
    {
        var t = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(x => x.CustomerId == customerId && x.IdempotencyKey == key, ct);
        if (t is not null && t.RequestHash != hash) throw new AppProblem(ErrorCodes.IdempotencyKeyReused);
        return t;
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the same idempotency key won a race: the caller returns the winner's row
            return false;
        }
    }

    /// <summary>Loads the wallet and locks its ledger account, so limit and balance checks see committed totals.</summary>
    /// <summary>
    /// Locks the wallet's ledger account together with every other account the operation will touch
    /// (one ordered lock, so two operations never wait on each other in a cycle), then reads the wallet,
    /// so its status and the limit and balance checks see what is committed.
    /// </summary>
    internal async Task<Domain.Wallet> WalletForUpdateAsync(Guid customerId, CancellationToken ct, params Guid[] alsoLock)
    {
        var account = await db.Wallets.AsNoTracking().Where(x => x.CustomerId == customerId).Select(x => (Guid?)x.LedgerAccountId).FirstOrDefaultAsync(ct)
            ?? throw new AppProblem(WalletErrors.WalletNotFound);
        await ledger.LockAsync([account, .. alsoLock], ct);
        return await db.Wallets.AsNoTracking().FirstAsync(x => x.CustomerId == customerId, ct);
    }

    private async Task<Card> ActiveCardAsync(Guid customerId, Guid cardId, CancellationToken ct) =>
        await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId && c.CustomerId == customerId && c.Active, ct)
        ?? throw new AppProblem(WalletErrors.CardNotBound);

    private async Task RequireWithinLimitsAsync(Domain.Wallet w, long amount, CancellationToken ct, DateTime? at = null)
    {
        var l = limits.For(w.KycLevel);
        if (l.PerTransactionMinor == 0) throw new AppProblem(WalletErrors.KycRequired);
        if (amount > l.PerTransactionMinor) throw new AppProblem(WalletErrors.TransactionLimitExceeded, l.PerTransactionMinor / 100);
        var local = BusinessCalendar.ToLocal(at ?? Now);
        var dayStart = BusinessCalendar.ToUtc(local.Date);
        var monthStart = BusinessCalendar.ToUtc(new DateTime(local.Year, local.Month, 1));
        string[] outgoing = [TxType.Payment, TxType.TransferOut, TxType.Withdrawal];
        string[] counting = [TxStatus.Succeeded, TxStatus.Pending, TxStatus.Unknown];
        var q = db.Transactions.Where(t => t.CustomerId == w.CustomerId && outgoing.Contains(t.Type) && counting.Contains(t.Status));
        var today = await q.Where(t => t.CreatedAt >= dayStart).SumAsync(t => (long?)t.AmountMinor, ct) ?? 0;
        if (today + amount > l.DailyMinor) throw new AppProblem(WalletErrors.DailyLimitExceeded, l.DailyMinor / 100);
        var month = await q.Where(t => t.CreatedAt >= monthStart).SumAsync(t => (long?)t.AmountMinor, ct) ?? 0;
        if (month + amount > l.MonthlyMinor) throw new AppProblem(WalletErrors.MonthlyLimitExceeded, l.MonthlyMinor / 100);
    }
}
