using WalletCare.Platform.Errors;

namespace WalletCare.Security;

public static class SecurityErrors
{
    public static readonly ErrorCode TwoFactorAlreadyOn = new("TWO_FACTOR_ALREADY_ENABLED", 409);
    public static readonly ErrorCode TwoFactorNotSetUp = new("TWO_FACTOR_NOT_SET_UP", 409);
    public static readonly ErrorCode TwoFactorRequiredForStaff = new("TWO_FACTOR_REQUIRED_FOR_STAFF", 409);
    public static readonly ErrorCode StaffTwoFactorNotEnrolled = new("STAFF_TWO_FACTOR_NOT_ENROLLED", 403);
    public static readonly ErrorCode ChallengeInvalid = new("LOGIN_CHALLENGE_INVALID", 401);
    public static readonly ErrorCode CodeWrong = new("TWO_FACTOR_CODE_WRONG", 401);
    public static readonly ErrorCode LinkInvalid = new("LINK_INVALID", 410);
    public static readonly ErrorCode ResetCodeWrong = new("RESET_CODE_WRONG", 400);
    public static readonly ErrorCode CurrentPasswordWrong = new("CURRENT_PASSWORD_WRONG", 400);
}
