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
