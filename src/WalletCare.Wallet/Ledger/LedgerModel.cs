namespace WalletCare.Wallet.Ledger;

public static class AccountKind
{
    public const string CustomerWallet = "customer_wallet";
    public const string GatewaySettlement = "gateway_settlement";
    public const string MerchantPayable = "merchant_payable";
    public const string Fees = "fees";
    public const string GoodwillExpense = "goodwill_expense";
    public const string ProvisionalCredit = "provisional_credit";
    public const string RemedyExpense = "remedy_expense";
}

/// <summary>
/// A ledger account in the TigerBeetle style: running totals of posted and pending debits and
/// credits, derived only from transfers. Customer wallets may never have debits exceed credits.
/// </summary>
public sealed class LedgerAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    public required string Code { get; set; } // unique, e.g. "wallet:{customerId}", "gateway", "merchant:{id}"
    public Guid? OwnerId { get; set; }
    public string Currency { get; set; } = "CNY";
    public long DebitsPosted { get; set; }
    public long CreditsPosted { get; set; }
    public long DebitsPending { get; set; }
    public long CreditsPending { get; set; }
    public bool DebitsMustNotExceedCredits { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>For a customer wallet: what can be spent now.</summary>
    public long Available => CreditsPosted - DebitsPosted - DebitsPending;
    public long Held => DebitsPending;
}

public static class TransferFlags
{
    public const string Posted = "posted";
    public const string Pending = "pending";
    public const string PostPending = "post_pending";
    public const string VoidPending = "void_pending";
}

/// <summary>An immutable movement between two accounts. Corrections are new transfers, never updates.</summary>
public sealed class LedgerTransfer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DebitAccountId { get; set; }
    public Guid CreditAccountId { get; set; }
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "CNY";
    public required string Flags { get; set; }
    public Guid? PendingId { get; set; }
    public required string Key { get; set; } // unique: makes every posting idempotent
    public Guid? TransactionId { get; set; }
    public required string Kind { get; set; }
    public DateTime At { get; set; }
}
