namespace WalletCare.Channels.Domain;

/// <summary>Every Message-ID seen or sent on a case: replies thread by In-Reply-To/References against these.</summary>
public sealed class EmailMessageRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string MessageId { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>in | out</summary>
    public required string Direction { get; set; }
    public required string Address { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// Something that came in by a channel and could not be put on a case by itself (unknown sender, unknown
/// caller): the agents' "needs a match" inbox. Never holds a raw message; the text is already trimmed.
/// </summary>
public sealed class ChannelItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>email | call | webhook</summary>
    public required string Kind { get; set; }
    public required string Source { get; set; }
    public required string From { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public Guid? MatchedCaseId { get; set; }
    public DateTime? MatchedAt { get; set; }
}

/// <summary>One row per inbound e-mail per sender address, for the loop-stopping rate limit.</summary>
public sealed class InboundMailLog
{
    public long Id { get; set; }
    public required string Address { get; set; }
    public DateTime At { get; set; }
    /// <summary>case | thread | unmatched | ignored_auto | rate_limited</summary>
    public required string Outcome { get; set; }
}

/// <summary>Where the IMAP poller stopped in a mailbox: a message is processed once across restarts.</summary>
public sealed class ImapCursor
{
    public required string Mailbox { get; set; }
    public uint UidValidity { get; set; }
    public uint LastUid { get; set; }
}

public static class SourceKinds
{
    public const string Social = "social";
    public const string ThirdParty = "third_party";
    public const string Regulator = "regulator";
    public const string Cti = "cti";
    public static readonly string[] All = [Social, ThirdParty, Regulator, Cti];
}

/// <summary>A signed webhook sender (weibo, heimao, 12315, the CTI). During a rotation the previous secret also verifies until <see cref="PreviousValidUntil"/>.</summary>
public sealed class WebhookSource
{
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string Secret { get; set; }
    public string? PreviousSecret { get; set; }
    public DateTime? PreviousValidUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RotatedAt { get; set; }
}

/// <summary>An accepted inbound event; the unique (Source, EventId) makes a redelivery a no-op.</summary>
public sealed class WebhookEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Source { get; set; }
    public required string EventId { get; set; }
    /// <summary>The platform's own complaint number: later events about it update the same case.</summary>
    public string? ExternalReference { get; set; }
    public DateTime ReceivedAt { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? ItemId { get; set; }
}
