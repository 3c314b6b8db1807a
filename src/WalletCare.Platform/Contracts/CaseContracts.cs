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
