using WalletCare.Platform.Errors;

namespace WalletCare.Remedies;

public static class RemedyErrors
{
    public static readonly ErrorCode SelfApproval = new("SELF_APPROVAL_FORBIDDEN", 403);
    public static readonly ErrorCode AlreadyDecided = new("APPROVAL_ALREADY_DECIDED", 409);
    public static readonly ErrorCode OverMaximum = new("REMEDY_OVER_MAXIMUM", 422);
    public static readonly ErrorCode CaseClosed = new("CASE_NOT_OPEN_FOR_REMEDY", 409);
    /// <summary>A refund remedy must name a succeeded payment of this customer.</summary>
    public static readonly ErrorCode RefundTargetInvalid = new("REFUND_TARGET_INVALID", 422);
    public static readonly ErrorCode ClaimAlreadyDecided = new("CLAIM_ALREADY_DECIDED", 409);
    /// <summary>An approved provisional credit is still being posted: decide the claim once it has posted.</summary>
    public static readonly ErrorCode PostingPending = new("REMEDY_POSTING_PENDING", 409);
}
