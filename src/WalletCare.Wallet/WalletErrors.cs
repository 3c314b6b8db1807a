namespace WalletCare.Wallet;

/// <summary>Wallet-side and gateway codes (SPEC §4). Text: Resources/WalletText*.resx (CODE, CODE.detail, CODE.next).</summary>
public static class WalletErrors
{
    // gateway outcomes
    public const string InsufficientFunds = "INSUFFICIENT_FUNDS";
    public const string IssuerDeclined = "ISSUER_DECLINED";
    public const string CardLimitExceeded = "CARD_LIMIT_EXCEEDED";
    public const string Timeout = "TIMEOUT";
    public const string NetworkError = "NETWORK_ERROR";
    public const string RiskBlocked = "RISK_BLOCKED";
    public const string CardLostOrStolen = "CARD_LOST_OR_STOLEN";
    public const string CardExpired = "CARD_EXPIRED";
    public const string BadCardData = "BAD_CARD_DATA";
    // wallet side
    public const string WalletFrozen = "WALLET_FROZEN";
    public const string KycRequired = "KYC_REQUIRED";
    public const string DailyLimitExceeded = "DAILY_LIMIT_EXCEEDED";
    public const string TransactionLimitExceeded = "TRANSACTION_LIMIT_EXCEEDED";
    public const string MonthlyLimitExceeded = "MONTHLY_LIMIT_EXCEEDED";
    public const string BalanceInsufficient = "BALANCE_INSUFFICIENT";
    public const string DuplicateRequest = "DUPLICATE_REQUEST";
    public const string CardNotBound = "CARD_NOT_BOUND";
    public const string MerchantNotFound = "MERCHANT_NOT_FOUND";
    public const string PayeeNotFound = "PAYEE_NOT_FOUND";
    public const string RefundNotAllowed = "REFUND_NOT_ALLOWED";
    public const string RefundFailed = "REFUND_FAILED";
    public const string WalletNotFound = "WALLET_NOT_FOUND";
}
