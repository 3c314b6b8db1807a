namespace WalletCare.Cases.Domain;

public static class CaseStatus
{
    public const string New = "new";
    public const string Open = "open";
    public const string PendingCustomer = "pending_customer";
    public const string PendingInternal = "pending_internal";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
    public const string Reopened = "reopened";

    public static readonly string[] All = [New, Open, PendingCustomer, PendingInternal, Resolved, Closed, Reopened];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [New] = [Open, PendingCustomer, PendingInternal, Resolved, Closed],
        [Open] = [PendingCustomer, PendingInternal, Resolved, Closed],
        [PendingCustomer] = [Open, PendingInternal, Resolved, Closed],
        [PendingInternal] = [Open, PendingCustomer, Resolved],
        [Resolved] = [Closed, Reopened],
        [Closed] = [Reopened],
        [Reopened] = [Open, PendingCustomer, PendingInternal, Resolved, Closed],
    };

    /// <summary>The one place where allowed status transitions are decided.</summary>
    public static bool CanMove(string from, string to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);
    public static bool IsOpenStatus(string s) => s is not (Resolved or Closed);
}

public static class CaseCategories
{
    public static readonly string[] All =
    [
        "payment_failed", "topup_failed", "refund_not_received", "unauthorized_transaction", "account_compromised", "account_frozen",
        "identity_verification", "funds_unavailable", "wrong_amount_or_fee", "information_leak", "service_attitude", "merchant_dispute",
        "fraud_scam", "credit_repayment", "other",
    ];
}

public static class CaseChannels
{
    public static readonly string[] All = ["app", "web", "chat", "email", "phone", "social", "third_party", "regulator"];
}

/// <summary>Priority defaults of SPEC §7 — configurable by replacing the singleton.</summary>
public sealed class PriorityRules
{
    public Dictionary<string, int> BaseByCategory { get; } = new()
    {
        ["unauthorized_transaction"] = 1, ["account_compromised"] = 1, ["fraud_scam"] = 1,
        ["payment_failed"] = 2, ["topup_failed"] = 2, ["refund_not_received"] = 2, ["funds_unavailable"] = 2,
        ["wrong_amount_or_fee"] = 2, ["account_frozen"] = 2,
        ["identity_verification"] = 3, ["merchant_dispute"] = 3, ["information_leak"] = 3, ["credit_repayment"] = 3,
        ["service_attitude"] = 4, ["other"] = 4,
    };

    public long LargeAmountMinor { get; set; } = 500_000; // ¥5,000.00
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromDays(30);

    public int Decide(string category, long amountInvolved, bool repeat)
    {
        var p = BaseByCategory.GetValueOrDefault(category, 4);
        if (amountInvolved >= LargeAmountMinor) p--;
        if (repeat) p--;
        return Math.Max(1, p);
    }

    public static string Name(int p) => "P" + Math.Clamp(p, 1, 4);
    public static int Level(string name) => int.Parse(name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record SlaPolicy(string Priority, TimeSpan FirstResponse, TimeSpan Resolution, bool AroundTheClock);

/// <summary>SPEC §7 defaults. Business days are 9 business hours (09:00–18:00).</summary>
public sealed class SlaPolicies
{
    public Dictionary<string, SlaPolicy> ByPriority { get; } = new()
    {
        ["P1"] = new("P1", TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), true),
        ["P2"] = new("P2", TimeSpan.FromHours(4), TimeSpan.FromHours(3 * 9), false),
        ["P3"] = new("P3", TimeSpan.FromHours(8), TimeSpan.FromHours(5 * 9), false),
        ["P4"] = new("P4", TimeSpan.FromHours(9), TimeSpan.FromHours(10 * 9), false),
    };

    public TimeSpan RegulatoryDeadline { get; set; } = TimeSpan.FromDays(15);
    public TimeSpan RegulatoryExtended { get; set; } = TimeSpan.FromDays(30);
    public double WarnAt { get; set; } = 0.75;

    public SlaPolicy For(string priority) => ByPriority[priority];
}

public static class ClockKind
{
    public const string FirstResponse = "first_response";
    public const string NextResponse = "next_response";
    public const string Resolution = "resolution";
    public const string Regulatory = "regulatory";
}

/// <summary>
/// One SLA clock of a case. Time consumed so far is kept across pauses; DueAt/WarnAt are recomputed
/// when it resumes. NextCheckAt is what the sweeper looks up by index.
/// </summary>
public sealed class SlaClock
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string Kind { get; set; }
    public bool BusinessTime { get; set; }
    public long BudgetTicks { get; set; }
    public long ConsumedTicks { get; set; }
    public DateTime SegmentStart { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime WarnAt { get; set; }
    public DateTime? WarnedAt { get; set; }
    public DateTime? BreachedAt { get; set; }
    public DateTime? PausedAt { get; set; }
    public DateTime? StoppedAt { get; set; }
    public string State { get; set; } = "running"; // running | paused | stopped
    public DateTime? NextCheckAt { get; set; }
    public int EscalatedLevel { get; set; }
}

/// <summary>One row per (case, clock, level): makes breach escalation happen once per level, however many sweepers run.</summary>
public sealed class SlaEscalation
{
    public Guid CaseId { get; set; }
    public required string ClockKind { get; set; }
    public int Level { get; set; }
    public DateTime At { get; set; }
}

/// <summary>Which team (and agent skill) handles a category — used at filing and by auto-assignment.</summary>
public static class CaseTeams
{
    public static string For(string category) => category switch
    {
        "unauthorized_transaction" or "account_compromised" or "fraud_scam" or "information_leak" or "account_frozen" => "security",
        "refund_not_received" or "merchant_dispute" => "refunds",
        _ => "payments",
    };
}
