namespace WalletCare.Platform.Contracts;

// What the cases area asks the channels area (and the reverse) about e-mail threads and case numbers.

/// <summary>The e-mail thread of a case, as the channels area saw it: who wrote and which Message-IDs to reference.</summary>
public sealed record EmailThread(string CustomerAddress, string? LastMessageId, IReadOnlyList<string> References, string ReplyToAddress);

/// <summary>Implemented by WalletCare.Channels: the agent's reply on a case whose customer wrote by e-mail goes out by e-mail.</summary>
public interface IEmailThreads
{
    /// <summary>Null when the customer never wrote about this case by e-mail.</summary>
    Task<EmailThread?> ForCaseAsync(Guid caseId, string caseNumber, CancellationToken ct = default);
}

/// <summary>Implemented by WalletCare.Cases: a case by the number customers see (WC-2026-000123), e.g. in a mail subject.</summary>
public interface ICaseNumbers
{
    Task<CaseRef?> FindByNumberAsync(string number, CancellationToken ct = default);
}
