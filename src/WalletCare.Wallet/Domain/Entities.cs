namespace WalletCare.Wallet.Domain;

public static class WalletStatus
{
    public const string Active = "active";
    public const string Frozen = "frozen";
    public const string Closed = "closed";
}

public static class TxStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Unknown = "unknown";
    public const string Reversed = "reversed";
}

public static class TxType
{
    public const string Topup = "topup";
    public const string Payment = "payment";
    public const string TransferOut = "transfer_out";
    public const string TransferIn = "transfer_in";
    public const string Withdrawal = "withdrawal";
    public const string Refund = "refund";
    public const string Remedy = "remedy";
    public const string Reversal = "reversal";
}

/// <summary>A customer's wallet: status and verification level. Balances live in the ledger.</summary>
public sealed class Wallet
{
    public Guid CustomerId { get; set; }
    public string Status { get; set; } = WalletStatus.Active;
    public int KycLevel { get; set; } = 1;
    public Guid LedgerAccountId { get; set; }
    public string? FrozenReason { get; set; }
    public DateTime? FrozenAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A bound bank card: gateway token + display data only. Never the number or CVV.</summary>
public sealed class Card
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public required string Token { get; set; }
    public required string Brand { get; set; }
    public required string Bank { get; set; }
    public required string Last4 { get; set; }
    public required string Expiry { get; set; } // MM/YY
    public required string HolderName { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

public sealed class Merchant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    /// <summary>What appears on statements ("MEITUAN*WAIMAI"), for "I don't recognise this".</summary>
    public required string Descriptor { get; set; }
    public required string Category { get; set; }
    public Guid LedgerAccountId { get; set; }
}

/// <summary>What the customer sees as one transaction, with its status trail in <see cref="TransactionEvent"/>.</summary>
public sealed class WalletTransaction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public required string Type { get; set; }
    public string Status { get; set; } = TxStatus.Pending;
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "CNY";
    public string? FailureCode { get; set; }
    public Guid? CardId { get; set; }
    public Guid? MerchantId { get; set; }
    public Guid? CounterpartyCustomerId { get; set; }
    public string? Counterparty { get; set; }
    public string? Description { get; set; }
    public Guid? OriginalTransactionId { get; set; }
    public string? RefundDestination { get; set; } // wallet | card
    public DateTime? ExpectedBy { get; set; }
    public DateTime? SettleAt { get; set; }
    public Guid? PendingTransferId { get; set; }
    public required string IdempotencyKey { get; set; }
    public string RequestHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>For remedy and reversal rows: which remedy (a <c>RemedyKinds</c> code), shown through the wallet's resources, never raw.</summary>
    public string? RemedyKind { get; set; }
    /// <summary>The customer's session and address that asked for this row (null for system rows), for "I did not make this".</summary>
    public Guid? SessionId { get; set; }
    public string? ClientIp { get; set; }

    // Trail entries not yet saved; WalletDbContext adds them on save, so no state change can forget its event.
    private readonly List<TransactionEvent> _unsaved = [];

    /// <summary>A new row in <paramref name="status"/> with its first trail entry; replays never reach here (idempotency key).</summary>
    public static WalletTransaction Open(Guid customerId, string type, long amount, string key, string hash, DateTime at,
        string status = TxStatus.Pending, string? note = null)
    {
        var tx = new WalletTransaction
        {
            CustomerId = customerId, Type = type, AmountMinor = amount, IdempotencyKey = key, RequestHash = hash,
            CreatedAt = at, UpdatedAt = at, Status = status,
        };
        tx.Record(status, note, at);
        return tx;
    }

    public void Succeed(DateTime at) => Move(TxStatus.Succeeded, null, at);

    public void Fail(string? code, DateTime at) => Move(TxStatus.Failed, code, at);

    /// <summary>The gateway did not answer: the money may or may not have moved, so the query job settles it later.</summary>
    public void MarkUnknown(string code, DateTime at)
    {
        if (Status != TxStatus.Unknown) Move(TxStatus.Unknown, code, at);
    }

    /// <summary>A step without a status change (e.g. a refund handed to the bank), for the customer's trail.</summary>
    public void Note(string note, DateTime at) => Record(Status, note, at);

    internal IReadOnlyList<TransactionEvent> TakeUnsavedEvents()
    {
        var events = _unsaved.ToList();
        _unsaved.Clear();
        return events;
    }

    private void Move(string status, string? code, DateTime at)
    {
        Status = status;
        FailureCode = code;
        UpdatedAt = at;
        Version++;
        Record(status, null, at);
    }

    private void Record(string status, string? note, DateTime at) =>
        _unsaved.Add(new TransactionEvent { TransactionId = Id, At = at, Status = status, Code = FailureCode, Note = note });
}

public sealed class TransactionEvent
{
    public long Id { get; set; }
    public Guid TransactionId { get; set; }
    public DateTime At { get; set; }
    public required string Status { get; set; }
    public string? Code { get; set; }
    public string? Note { get; set; }
}
