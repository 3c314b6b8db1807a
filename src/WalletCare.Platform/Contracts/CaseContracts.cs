using System.Text.Json;
using System.Text.Json.Serialization;

namespace WalletCare.Platform.Contracts;

// The cases area's public face for areas that act on a case (remedies, channels, reports).

public sealed record CaseRef(Guid Id, string Number, Guid CustomerId, string Status, string Category, string Priority);

/// <summary>
/// One timeline entry from another area. The entry stores what happened (<see cref="Kind"/>, one of
/// <see cref="TimelineKinds"/>) and typed facts (<see cref="Args"/>), never display text: the cases area
/// renders it per viewer and language, so a stored row never freezes one wording or leaks a resource key.
/// <see cref="Body"/> is only text a person typed (a reason), shown as written.
/// </summary>
public sealed record TimelineAppend(
    Guid CaseId,
    Guid? ActorId,
    string ActorRole,       // customer | agent | supervisor | compliance | admin | system
    string Kind,
    bool Public,            // false = internal, never shown to the customer
    TimelineArgs Args,
    string Body = "");

/// <summary>Every kind of timeline entry. The renderer has one text per kind; the rendering test walks this list.</summary>
public static class TimelineKinds
{
    public const string Created = "created";
    public const string Message = "message";
    public const string Reply = "reply";
    public const string InternalNote = "internal_note";
    public const string Assignment = "assignment";
    public const string StatusChange = "status_change";
    public const string Attachment = "attachment";
    public const string Escalation = "escalation";
    public const string Review = "review";
    public const string Merge = "merge";
    public const string ExternalCase = "external_case";
    public const string RegulatoryExtension = "regulatory_extension";
    public const string SlaWarning = "sla_warning";
    public const string SlaBreach = "sla_breach";
    public const string Survey = "survey";
    public const string RemedyProposed = "remedy_proposed";
    public const string RemedyApproved = "remedy_approved";
    public const string RemedyRejected = "remedy_rejected";
    public const string RemedyExecuted = "remedy_executed";
    public const string RemedyFailed = "remedy_failed";
    public const string RemedyReversed = "remedy_reversed";
    public const string ClaimDecision = "claim_decision";
    /// <summary>A phone call logged by an agent or the CTI: direction, masked number, duration; the summary is the body.</summary>
    public const string Call = "call";

    public static readonly string[] All =
    [
        Created, Message, Reply, InternalNote, Assignment, StatusChange, Attachment, Escalation, Review, Merge, ExternalCase,
        RegulatoryExtension, SlaWarning, SlaBreach, Survey, RemedyProposed, RemedyApproved, RemedyRejected, RemedyExecuted,
        RemedyFailed, RemedyReversed, ClaimDecision, Call,
    ];
}

/// <summary>
/// The typed facts of a timeline entry, stored as JSON. Property names match the JSON the entries carried
/// before (from/to, amountMinor, clock, dueAt …) so older rows still read. Amounts are long minor units.
/// </summary>
public sealed record TimelineArgs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static TimelineArgs None { get; } = new();

    public long? AmountMinor { get; init; }
    public string? Currency { get; init; }
    public string? RemedyType { get; init; }
    public Guid? RemedyId { get; init; }
    public Guid? WalletTransactionId { get; init; }
    /// <summary>Status or priority before/after.</summary>
    public string? From { get; init; }
    public string? To { get; init; }
    /// <summary>A machine reason (e.g. auto_closed, merged); a typed reason goes in the entry's body.</summary>
    public string? ReasonCode { get; init; }
    public string? Code { get; init; }
    public bool? Upheld { get; init; }
    public string? Decision { get; init; }
    public string? Category { get; init; }
    public string? Channel { get; init; }
    public string? Priority { get; init; }
    public long? AmountInvolvedMinor { get; init; }
    public IReadOnlyList<Guid>? TransactionIds { get; init; }
    public bool? Repeat { get; init; }
    public Guid? AttachmentId { get; init; }
    public string? FileName { get; init; }
    public string? Sha256 { get; init; }
    public string? ContentType { get; init; }
    public long? SizeBytes { get; init; }
    public Guid? AgentId { get; init; }
    public string? AgentName { get; init; }
    /// <summary>The other case of a merge, and which side this entry is on ("absorbed" = the other case moved in here).</summary>
    public string? Number { get; init; }
    public string? MergeSide { get; init; }
    public string? Source { get; init; }
    public string? Reference { get; init; }
    public DateTime? ReceivedAt { get; init; }
    public DateTime? DueAt { get; init; }
    public string? Clock { get; init; }
    public int? Level { get; init; }
    public bool? Resolved { get; init; }
    public int? Attitude { get; init; }
    public int? Speed { get; init; }
    public string? State { get; init; }
    /// <summary>Calls: inbound | outbound, the number already masked (138****0001), the length.</summary>
    public string? CallDirection { get; init; }
    public string? MaskedPhone { get; init; }
    public int? DurationSeconds { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored JSON; anything unreadable (very old rows) yields empty args rather than failing the page.</summary>
    public static TimelineArgs Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return None;
        try { return JsonSerializer.Deserialize<TimelineArgs>(json, Json) ?? None; }
        catch (JsonException) { return None; }
    }
}

public interface ICaseDirectory
{
    Task<CaseRef?> GetAsync(Guid caseId, CancellationToken ct = default);
    Task AppendTimelineAsync(TimelineAppend entry, CancellationToken ct = default);
}

/// <summary>A remedy as the dossier shows it. <see cref="Reason"/> is the proposer's internal reason: null in the customer's view.</summary>
public sealed record RemedySummary(Guid Id, string Type, long AmountMinor, string Currency, string State, DateTime ProposedAt, DateTime? DecidedAt, Guid? WalletTransactionId, string? Reason);

/// <summary>Remedies on a case, for the dossier and the workspace (implemented by the remedies area).</summary>
public interface ICaseRemedies
{
    /// <summary>
    /// Every remedy for staff; for the customer (<paramref name="customerView"/>) only money that actually
    /// moved (executed or reversed), without the internal reason: proposals under review or turned down are
    /// internal deliberation.
    /// </summary>
    Task<IReadOnlyList<RemedySummary>> ListAsync(Guid caseId, bool customerView = false, CancellationToken ct = default);
}
