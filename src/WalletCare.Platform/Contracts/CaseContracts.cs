namespace WalletCare.Platform.Contracts;

// The cases area's public face for areas that act on a case (remedies, channels, reports).

public sealed record CaseRef(Guid Id, string Number, Guid CustomerId, string Status, string Category, string Priority);

public sealed record TimelineAppend(
    Guid CaseId,
    Guid? ActorId,
    string ActorRole,       // customer | agent | supervisor | compliance | admin | system
    string Kind,            // e.g. remedy, message, internal_note, survey
    bool Public,            // false = internal, never shown to the customer
    string Body,
    string? DataJson = null);

public interface ICaseDirectory
{
    Task<CaseRef?> GetAsync(Guid caseId, CancellationToken ct = default);
    Task AppendTimelineAsync(TimelineAppend entry, CancellationToken ct = default);
}

public sealed record RemedySummary(Guid Id, string Type, long AmountMinor, string Currency, string State, DateTime ProposedAt, DateTime? DecidedAt, Guid? WalletTransactionId, string Reason);

/// <summary>Remedies on a case, for the dossier and the workspace (implemented by the remedies area).</summary>
public interface ICaseRemedies
{
    Task<IReadOnlyList<RemedySummary>> ListAsync(Guid caseId, CancellationToken ct = default);
}
