using WalletCare.Platform.Errors;

namespace WalletCare.Protection;

public static class ProtectionErrors
{
    public static readonly ErrorCode InvalidCode = new("VERIFICATION_CODE_INVALID", 422);
    public static readonly ErrorCode NotOutgoing = new("TRANSACTION_NOT_OUTGOING", 422);
    public static readonly ErrorCode NotFrozen = new("WALLET_NOT_FROZEN", 409);
    public static readonly ErrorCode VerificationRequired = new("UNFREEZE_VERIFICATION_REQUIRED", 403);
    public static readonly ErrorCode OwnVerification = new("UNFREEZE_OWN_VERIFICATION", 403);
    public static readonly ErrorCode RequestDecided = new("UNFREEZE_REQUEST_DECIDED", 409);
    public static readonly ErrorCode StepUpRequired = new("STEP_UP_REQUIRED", 428);
    public static readonly ErrorCode StepUpInvalid = new("STEP_UP_CODE_INVALID", 422);
}
