namespace WalletCare.Cases.Domain;

/// <summary>One complaint or case, whatever channel it came from.</summary>
public sealed partial class Case
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid CustomerId { get; set; }
    public required string Category { get; set; }
    public required string Channel { get; set; }
    public required string Subject { get; set; }
    public required string Description { get; set; }
    public string? DesiredOutcome { get; set; }
    public string Status { get; set; } = CaseStatus.New;
    public bool IsOpen { get; set; } = true;
    public required string Priority { get; set; }
    public Guid? AssigneeId { get; set; }
    public string Team { get; set; } = "general";
    public int EscalationLevel { get; set; }
    public string? ReviewState { get; set; }
    public long AmountInvolvedMinor { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime RegulatoryDueAt { get; set; }
    public bool RegulatoryExtended { get; set; }
    /// <summary>Earliest due time of a running clock: the queue sorts by it.</summary>
    public DateTime? NextDueAt { get; set; }
    public bool AtRisk { get; set; }
    public bool Breached { get; set; }
    public Guid? MergedIntoId { get; set; }
    public string? ExternalSource { get; set; }
    public string? ExternalReference { get; set; }
    public DateTime? ExternalDueAt { get; set; }
    /// <summary>Set when another area opened the case (a freeze, a "not me" report, a webhook event): the same key never opens a second case.</summary>
    public string? DedupeKey { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class CaseTransaction
{
    public Guid CaseId { get; set; }
    public Guid TransactionId { get; set; }
}

/// <summary>Append-only timeline entry. Internal entries (Public = false) are never shown to customers.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorRole { get; set; }
    public required string Kind { get; set; }
    public bool Public { get; set; }
    public string Body { get; set; } = "";
    public string? DataJson { get; set; }
}

public sealed class CaseAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required string StoragePath { get; set; }
    public bool MetadataStripped { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

public sealed class CaseCounter
{
    public int Year { get; set; }
    public long Next { get; set; }
}

public sealed class CaseNotification
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid? RecipientId { get; set; }
    public string? RecipientRole { get; set; }
    public required string Kind { get; set; }
    public string Body { get; set; } = "";
    public DateTime At { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>A supervisor's edit of the business calendar (holiday or make-up workday).</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public required string Kind { get; set; } // holiday | workday
    public Guid EditedBy { get; set; }
    public DateTime EditedAt { get; set; }
}
