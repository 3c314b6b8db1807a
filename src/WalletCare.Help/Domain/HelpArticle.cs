namespace WalletCare.Help.Domain;

/// <summary>
/// One article in one locale. The same <see cref="Key"/> in zh-CN and en-US is the same article in two
/// languages; seeded articles keep a stable id derived from key and locale so links survive reinstalls.
/// </summary>
public sealed class HelpArticle
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public string Locale { get; set; } = "zh-CN";
    public string Topic { get; set; } = HelpTopics.Other;
    public string Title { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    /// <summary>Space-separated words customers use for this article (colloquial synonyms), indexed, not shown.</summary>
    public string Tags { get; set; } = "";
    public bool Published { get; set; }
    public int HelpfulCount { get; set; }
    public int NotHelpfulCount { get; set; }
    public Guid? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Every write moves this forward; nodes compare it to refresh their in-memory search index.</summary>
    public DateTime UpdatedAt { get; set; }
}

public sealed class HelpVote
{
    public Guid ArticleId { get; set; }
    public Guid UserId { get; set; }
    public bool Helpful { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A search that found nothing: what to write next.</summary>
public sealed class SearchMiss
{
    public long Id { get; set; }
    public string Query { get; set; } = "";
    public string Locale { get; set; } = "";
    public DateTime At { get; set; }
}

public sealed class TroubleshooterRun
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public Guid CustomerId { get; set; }
    public Guid? TransactionId { get; set; }
    public DateTime StartedAt { get; set; }
    public bool? Solved { get; set; }
    public DateTime? OutcomeAt { get; set; }
}

public static class HelpTopics
{
    public const string AccountSecurity = "account_security";
    public const string Payments = "payments";
    public const string Topup = "topup";
    public const string Refunds = "refunds";
    public const string Cards = "cards";
    public const string Identity = "identity";
    public const string Transfers = "transfers";
    public const string FeesLimits = "fees_limits";
    public const string Bnpl = "bnpl";
    public const string Other = "other";

    public static readonly string[] All = [AccountSecurity, Payments, Topup, Refunds, Cards, Identity, Transfers, FeesLimits, Bnpl, Other];
}
