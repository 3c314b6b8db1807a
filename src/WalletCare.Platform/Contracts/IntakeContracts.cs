namespace WalletCare.Platform.Contracts;

// How other areas (security, channels, chat, help) open a case or add to one, without reading the
// cases area's tables. Implemented in WalletCare.Cases.

/// <summary>
/// A case opened for a customer by someone other than the customer's own complaint form: the system
/// (emergency freeze, "not me"), an agent for a caller, or a channel (e-mail, webhook, chat).
/// </summary>
public sealed record IntakeRequest(
    Guid CustomerId,
    string Category,                 // one of the case categories (e.g. account_compromised, unauthorized_transaction)
    string Channel,                  // app | web | chat | email | phone | social | third_party | regulator
    string Subject,
    string Description,
    IReadOnlyList<Guid>? TransactionIds = null,
    string? MinimumPriority = null,  // "P1".."P4": raises the priority the rules decide, never lowers it
    string? DedupeKey = null,        // the same key again returns the first case instead of opening another
    Guid? ActorId = null,            // who filed it; null = the system
    string ActorRole = "system",     // customer | agent | supervisor | system
    string? DesiredOutcome = null,
    DateTime? ReceivedAt = null);

public sealed record IntakeResult(Guid CaseId, string Number, bool Created);

public interface ICaseIntake
{
    /// <summary>Opens the case with its clocks and "created" entry, or returns the case already opened under <see cref="IntakeRequest.DedupeKey"/>.</summary>
    Task<IntakeResult> OpenAsync(IntakeRequest request, CancellationToken ct = default);

    /// <summary>The customer's newest open case — about <paramref name="transactionId"/> when given — or null.</summary>
    Task<CaseRef?> FindOpenCaseAsync(Guid customerId, Guid? transactionId = null, CancellationToken ct = default);
}

/// <summary>
/// Contacts that arrive on an existing case through a channel (e-mail reply, call, webhook update).
/// Implemented in WalletCare.Cases by the channels work.
/// </summary>
public interface ICaseContacts
{
    /// <summary>A customer's message arriving by <paramref name="channel"/>: same effects as a message from the portal (clocks resume).</summary>
    Task AddCustomerMessageAsync(Guid caseId, string channel, string text, Guid? actorId, string actorRole, CancellationToken ct = default);

    /// <summary>A file arriving by a channel becomes evidence, with the same checks as an upload (an AppProblem when refused).</summary>
    Task<Guid> AddEvidenceAsync(Guid caseId, string fileName, string contentType, Stream content, Guid? actorId, string actorRole, CancellationToken ct = default);

    /// <summary>Records an external platform's or regulator's reference; an earlier <paramref name="dueAt"/> tightens the regulatory deadline.</summary>
    Task SetExternalAsync(Guid caseId, string source, string reference, DateTime? dueAt, CancellationToken ct = default);
}
