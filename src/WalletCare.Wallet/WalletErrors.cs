using WalletCare.Platform.Errors;
namespace WalletCare.Wallet;

/// <summary>Wallet-side and gateway codes (SPEC §4). Text: Resources/WalletText*.resx (CODE, CODE.detail, CODE.next).</summary>
public static class WalletErrors
{
    // gateway outcomes
    public static readonly ErrorCode InsufficientFunds = new("INSUFFICIENT_FUNDS", 422);
    public static readonly ErrorCode IssuerDeclined = new("ISSUER_DECLINED", 422);
    public static readonly ErrorCode CardLimitExceeded = new("CARD_LIMIT_EXCEEDED", 422);
    public static readonly ErrorCode Timeout = new("TIMEOUT", 422);
    public static readonly ErrorCode NetworkError = new("NETWORK_ERROR", 422);
    public static readonly ErrorCode RiskBlocked = new("RISK_BLOCKED", 422);
    public static readonly ErrorCode CardLostOrStolen = new("CARD_LOST_OR_STOLEN", 422);
    public static readonly ErrorCode CardExpired = new("CARD_EXPIRED", 422);
    public static readonly ErrorCode BadCardData = new("BAD_CARD_DATA", 422);
    // wallet side
    public static readonly ErrorCode WalletFrozen = new("WALLET_FROZEN", 423);
    public static readonly ErrorCode KycRequired = new("KYC_REQUIRED", 403);
    public static readonly ErrorCode DailyLimitExceeded = new("DAILY_LIMIT_EXCEEDED", 422);
    public static readonly ErrorCode TransactionLimitExceeded = new("TRANSACTION_LIMIT_EXCEEDED", 422);
    public static readonly ErrorCode MonthlyLimitExceeded = new("MONTHLY_LIMIT_EXCEEDED", 422);
    public static readonly ErrorCode BalanceInsufficient = new("BALANCE_INSUFFICIENT", 422);
    public static readonly ErrorCode DuplicateRequest = new("DUPLICATE_REQUEST", 409);
    public static readonly ErrorCode CardNotBound = new("CARD_NOT_BOUND", 422);
    public static readonly ErrorCode MerchantNotFound = new("MERCHANT_NOT_FOUND", 422);
    public static readonly ErrorCode PayeeNotFound = new("PAYEE_NOT_FOUND", 422);
    public static readonly ErrorCode RefundNotAllowed = new("REFUND_NOT_ALLOWED", 409);
    public static readonly ErrorCode RefundFailed = new("REFUND_FAILED", 422);
    public static readonly ErrorCode CardHolderMismatch = new("CARD_HOLDER_MISMATCH", 422);
    public static readonly ErrorCode WalletNotFound = new("WALLET_NOT_FOUND", 404);

    private static readonly ErrorCode[] GatewayCodes = [InsufficientFunds, IssuerDeclined, CardLimitExceeded, Timeout, NetworkError, RiskBlocked, CardLostOrStolen, CardExpired, BadCardData];

    /// <summary>The declared code for what the card gateway answered (binding a card that the bank refuses).</summary>
    public static ErrorCode Gateway(string code) => GatewayCodes.FirstOrDefault(c => c.Code == code) ?? BadCardData;
}
