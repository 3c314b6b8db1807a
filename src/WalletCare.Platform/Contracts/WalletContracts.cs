using WalletCare.Platform.Errors;

namespace WalletCare.Platform.Contracts;

// The wallet area's public face for the other areas (support, cases, reports). They never
// read the wallet's tables; they ask through these interfaces, implemented in WalletCare.Wallet.

public sealed record TransactionSummary(
    Guid Id,
    Guid CustomerId,
    string Type,            // topup | payment | transfer_out | transfer_in | withdrawal | refund | remedy | reversal
    string Status,          // pending | succeeded | failed | unknown | reversed
    long AmountMinor,
    string Currency,
    string? FailureCode,
    string? Counterparty,   // merchant name, other party's masked phone, card ****0009
    string? Description,
    DateTime CreatedAt,
    DateTime? ExpectedBy);  // refunds to card: when it should arrive

public sealed record WalletSummary(Guid CustomerId, string Status, int KycLevel, long AvailableMinor, long HeldMinor, string Currency);

public interface IWalletQueries
{
    /// <summary>The customer's own transactions among <paramref name="ids"/>; ids of other customers are simply absent.</summary>
    Task<IReadOnlyList<TransactionSummary>> GetTransactionsAsync(Guid customerId, IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
    Task<IReadOnlyList<TransactionSummary>> RecentTransactionsAsync(Guid customerId, int limit, CancellationToken ct = default);
    Task<WalletSummary?> GetWalletAsync(Guid customerId, CancellationToken ct = default);
    /// <summary>Completed transactions in a period, for "complaints per 10,000 transactions".</summary>
    Task<long> CountTransactionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default);
    /// <summary>
    /// How much of the customer's payment has gone back already, by any route: merchant refunds to
    /// wallet or card that have not failed, plus executed refund remedies naming it.
    /// </summary>
    Task<long> RefundedMinorAsync(Guid customerId, Guid paymentId, CancellationToken ct = default);
}

public static class RemedyKinds
{
    public const string Refund = "refund";
    public const string ProvisionalCredit = "provisional_credit";
    public const string ProvisionalReversal = "provisional_reversal";
    public const string FeeReversal = "fee_reversal";
    public const string GoodwillCredit = "goodwill_credit";
}

/// <summary>A remedy as a ledger posting. Idempotent by <see cref="IdempotencyKey"/>: posting twice returns the first transaction.</summary>
public sealed record RemedyPosting(string IdempotencyKey, Guid CustomerId, string Kind, long AmountMinor, Guid? TransactionId, string Reference);

/// <summary>Codes the wallet answers remedy postings with, for areas that react to them.</summary>
public static class RemedyPostingErrors
{
    /// <summary>A refund remedy larger than what is left of the payment after every earlier refund.</summary>
    public static readonly ErrorCode RefundExceedsRemaining = new("REFUND_EXCEEDS_REMAINING", 422);
}

public interface IWalletRemedies
{
    /// <summary>
    /// Posts the remedy in one database transaction and returns the wallet transaction id. A refund
    /// is re-checked against what is left of the payment under the wallet's lock.
    /// </summary>
    Task<Guid> PostRemedyAsync(RemedyPosting posting, CancellationToken ct = default);

    /// <summary>
    /// Posts all of <paramref name="postings"/> in one database transaction, or none of them (e.g. one
    /// reversal finds the balance insufficient). Each is still idempotent by its key, so a retry after a
    /// partial outage returns the transactions already posted. Ids are returned in input order.
    /// </summary>
    Task<IReadOnlyList<Guid>> PostRemediesAsync(IReadOnlyList<RemedyPosting> postings, CancellationToken ct = default);
}

public interface IWalletSecurity
{
    /// <summary>Emergency freeze: outgoing money stops at once; incoming refunds still arrive.</summary>
    Task FreezeAsync(Guid customerId, string reason, Guid actor, CancellationToken ct = default);
    Task UnfreezeAsync(Guid customerId, string reason, Guid actor, CancellationToken ct = default);
}
