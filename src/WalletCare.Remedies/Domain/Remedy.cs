namespace WalletCare.Remedies.Domain;

public static class RemedyStates
{
    public const string PendingApproval = "pending_approval";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Executed = "executed";
    public const string Reversed = "reversed";
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
    public int Version { get; set; }
}

/// <summary>Per-role amounts up to which a remedy is approved without a second person.</summary>
public sealed class RemedyLimits
{
    public long AgentAutoApproveMinor { get; set; } = 20_000;          // ¥200.00
    public long SupervisorAutoApproveMinor { get; set; } = 500_000;    // ¥5,000.00
    public long MaxRemedyMinor { get; set; } = 5_000_000;              // ¥50,000.00 hard ceiling

    public long AutoApproveFor(string role) => role switch
    {
        "agent" => AgentAutoApproveMinor,
        "supervisor" or "admin" => SupervisorAutoApproveMinor,
        _ => 0,
    };
}
