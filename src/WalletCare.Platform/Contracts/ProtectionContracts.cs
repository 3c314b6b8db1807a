namespace WalletCare.Platform.Contracts;

// Account protection (一键冻结, "这笔不是我做的", unfreeze, step-up) for the areas that trigger it:
// the security area's "this wasn't me" link, the chat bot, the help centre's troubleshooter.
// Implemented in WalletCare.Protection.

/// <summary>Where a freeze came from, for the case and the audit log.</summary>
public static class FreezeSources
{
    public const string SecurityPage = "security_page";
    public const string PhoneCode = "phone_code";
    public const string NotMeLink = "not_me_link";
    public const string UnauthorizedReport = "unauthorized_report";
    public const string ChatBot = "chat_bot";
}

public sealed record FreezeOutcome(Guid CaseId, string CaseNumber, bool AlreadyFrozen);

public interface IAccountProtection
{
    /// <summary>
    /// Emergency freeze, always allowed: outgoing money stops, sessions end, pending withdrawals that can
    /// still be stopped are cancelled, incoming refunds keep arriving, and one P1 account_compromised case is open.
    /// </summary>
    Task<FreezeOutcome> FreezeAsync(Guid customerId, string source, string? reason, Guid? actor, CancellationToken ct = default);
}

/// <summary>Who made a wallet transaction: the session and address of the request, for an unauthorised-transaction case.</summary>
public sealed record TransactionOrigin(Guid TransactionId, Guid CustomerId, string Type, string Status, long AmountMinor, Guid? SessionId, string? ClientIp, DateTime CreatedAt)
{
    public bool IsOutgoing => Type is "payment" or "transfer_out" or "withdrawal";
}

/// <summary>What the wallet tells account protection about its transactions. Implemented in WalletCare.Wallet.</summary>
public interface IWalletForensics
{
    /// <summary>The customer's own transaction with its origin, or null (another customer's id is simply absent).</summary>
    Task<TransactionOrigin?> GetOriginAsync(Guid customerId, Guid transactionId, CancellationToken ct = default);
    /// <summary>Outgoing money today (Asia/Shanghai day) that has left or may have left: succeeded, pending and unknown.</summary>
    Task<long> OutgoingTodayMinorAsync(Guid customerId, CancellationToken ct = default);
}

public static class StepUpOperations
{
    public const string Withdrawal = "withdrawal";
    public const string Transfer = "transfer";
}

/// <summary>
/// Step-up for risky money, asked by the wallet before it moves money. Throws a 428 STEP_UP_REQUIRED problem
/// (with a challengeId) unless the request carries a valid proof (header X-Step-Up: challengeId:code, or
/// <see cref="IStepUpProof"/> set by a web form). Implemented in WalletCare.Protection.
/// </summary>
public interface IStepUpGate
{
    Task RequireAsync(Guid customerId, string operation, long amountMinor, CancellationToken ct = default);
}

/// <summary>The step-up answer for this request scope, when it does not come in the X-Step-Up header (the web forms).</summary>
public interface IStepUpProof
{
    string? Value { get; set; }
}
