namespace WalletCare.Protection.Domain;

/// <summary>
/// One freeze of one customer, from the freeze until the unfreeze. Numbered per customer so the case intake's
/// dedupe key ("freeze:{customer}:{episode}") gives exactly one case per episode, however many freezes race.
/// </summary>
public sealed class FreezeEpisode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public int Episode { get; set; }
    public required string Source { get; set; }
    public string? Reason { get; set; }
    public Guid? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndedBy { get; set; }
}

public static class CodePurposes
{
    public const string EmergencyFreeze = "emergency_freeze";
}

/// <summary>
/// An SMS code request by phone. Written for unknown phones too (UserId null, no SMS), so the answer and its
/// timing do not tell whether the number is a customer's; the rows also count requests per phone and address.
/// </summary>
public sealed class PhoneCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Purpose { get; set; }
    public required string PhoneHash { get; set; }
    public Guid? UserId { get; set; }
    public required string CodeHash { get; set; }
    public string? ClientAddress { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>A 428 challenge for one risky money request; answered by 2FA (CodeHash null) or by the SMS code it sent.</summary>
public sealed class StepUpChallenge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public required string Operation { get; set; }
    public long AmountMinor { get; set; }
    public string? CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? UsedAt { get; set; }
}

public static class UnfreezeStates
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>Staff unfreeze: an agent records the identity document check (maker), a different supervisor approves (checker).</summary>
public sealed class UnfreezeRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public required string DocumentType { get; set; }
    public required string DocumentLast4 { get; set; }
    public required string CheckNotes { get; set; }
    public Guid RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public string State { get; set; } = UnfreezeStates.Pending;
    public Guid? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }
}
