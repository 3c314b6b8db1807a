namespace WalletCare.Remedies.Domain;

public static class RemedyStates
{
    public const string PendingApproval = "pending_approval";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Executed = "executed";
    public const string Reversed = "reversed";
    /// <summary>The wallet refused the posting for good (e.g. the payment was refunded meanwhile); never retried.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// A remedy proposed on a case: refund, provisional credit, fee reversal or goodwill credit.
/// Maker–checker: above the proposer's limit a different supervisor must approve. Executed as a
/// wallet ledger posting keyed "remedy:{Id}", so approving twice can never post twice.
/// </summary>
public sealed class Remedy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string CaseNumber { get; set; }
    public Guid CustomerId { get; set; }
    public required string Type { get; set; }
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "CNY";
    public Guid? TransactionId { get; set; }
    public required string Reason { get; set; }
    public Guid ProposedBy { get; set; }
    public required string ProposedByRole { get; set; }
    public DateTime ProposedAt { get; set; }
    public string State { get; set; } = RemedyStates.PendingApproval;
    public Guid? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public Guid? WalletTransactionId { get; set; }
    public DateTime? ExecutedAt { get; set; }
    public Guid? ReversalTransactionId { get; set; }
    public DateTime? ReversedAt { get; set; }
    /// <summary>The proposer's idempotency key: proposing twice with it returns the first remedy.</summary>
    public string? IdempotencyKey { get; set; }
    /// <summary>Posting attempts of an approved remedy, the last one's error, and when the job may try next (also the claim lease).</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// What one proposer has given one customer without a second person, per Asia/Shanghai day. The guarded
/// relative UPDATE on this row is what makes the daily limit impossible to split or race past.
/// </summary>
public sealed class RemedyAllowance
{
    /// <summary>"{proposer:N}:{customer:N}:{yyyy-MM-dd}".</summary>
    public required string Key { get; set; }
    public long UsedMinor { get; set; }
}

/// <summary>The decision on the claim behind a case, once per case. Written only after the reversals posted.</summary>
public sealed class ClaimDecision
{
    public Guid CaseId { get; set; }
    public bool Upheld { get; set; }
    public required string Reason { get; set; }
    public Guid DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }
    public int Reversed { get; set; }
    /// <summary>Timeline entry and audit row written; false after a crash between the records and them, so a retry completes them.</summary>
    public bool Published { get; set; }
}

/// <summary>How much may be given without a second person (maker–checker).</summary>
public sealed class RemedyLimits
{
    /// <summary>
    /// Per proposer, per customer, per Asia/Shanghai day, summed over every remedy that was auto-approved or
    /// approved: splitting a big remedy into small ones does not get past it. The same for every role.
    /// </summary>
    public long AutoApprovePerCustomerPerDayMinor { get; set; } = 20_000;   // ¥200.00
    public long MaxRemedyMinor { get; set; } = 5_000_000;                    // ¥50,000.00 hard ceiling

    /// <summary>Compliance proposes but never auto-approves (as before); the others share one limit.</summary>
    public static bool MayAutoApprove(string role) => role is "agent" or "supervisor" or "admin";
}
