using WalletCare.Platform.Outbox;

namespace WalletCare.Notifications.Domain;

/// <summary>
/// Which kinds a customer may switch off, on which channels, and the defaults. Security alerts and
/// verification codes are always delivered (a customer who switched them off could not learn that someone
/// else signed in, nor receive the code that lets them freeze the account). Kinds not listed here — whatever
/// another area records later — are always delivered too: only a kind that is offered can be refused.
/// </summary>
public static class NotificationKinds
{
    public const string SecurityAlert = "security_alert";
    public const string VerificationCode = "verification_code";
    public const string CaseReply = "case_reply";
    public const string CaseStatus = "case_status";

    /// <summary>The outbox state of a row the customer chose not to receive on its channel: processed, not delivered.</summary>
    public const string SkippedState = "skipped";

    public static readonly string[] Channels = [OutboxChannels.InApp, OutboxChannels.Sms, OutboxChannels.Email];
    public static readonly string[] Offered = [CaseReply, CaseStatus, SecurityAlert, VerificationCode];
    public static readonly string[] Locked = [SecurityAlert, VerificationCode];

    public static bool IsLocked(string kind) => Locked.Contains(kind);

    /// <summary>Case news: in-app and e-mail unless the customer says otherwise; SMS only when asked for (it costs, and it interrupts).</summary>
    public static bool Default(string kind, string channel) => !(kind is CaseReply or CaseStatus && channel == OutboxChannels.Sms);
}
