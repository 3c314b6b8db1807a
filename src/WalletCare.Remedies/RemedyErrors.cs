using System.Text.Json;

namespace WalletCare.Remedies;

public static class RemedyErrors
{
    public const string SelfApproval = "SELF_APPROVAL_FORBIDDEN";
    public const string AlreadyDecided = "APPROVAL_ALREADY_DECIDED";
    public const string OverMaximum = "REMEDY_OVER_MAXIMUM";
    public const string CaseClosed = "CASE_NOT_OPEN_FOR_REMEDY";
    /// <summary>A refund remedy must name a succeeded payment of this customer.</summary>
    public const string RefundTargetInvalid = "REFUND_TARGET_INVALID";
    public const string ClaimAlreadyDecided = "CLAIM_ALREADY_DECIDED";
    /// <summary>An approved provisional credit is still being posted: decide the claim once it has posted.</summary>
    public const string PostingPending = "REMEDY_POSTING_PENDING";
}

internal static class RemedyJson
{
    public static string Of(object o) => JsonSerializer.Serialize(o, JsonSerializerOptions.Web);
}
