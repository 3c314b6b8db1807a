namespace WalletCare.Help.Domain;

/// <summary>维护公告 (planned) or 故障通知 (incident), in both languages, shown from <see cref="StartsAt"/> until <see cref="EndsAt"/>.</summary>
public sealed class Announcement
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = AnnouncementKinds.Maintenance;
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string BodyEn { get; set; } = "";
    /// <summary>Space-separated features: topup payment transfer withdrawal refund login cards.</summary>
    public string Features { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class AnnouncementKinds
{
    public const string Maintenance = "maintenance";
    public const string Incident = "incident";
    public static readonly string[] Features = ["topup", "payment", "transfer", "withdrawal", "refund", "login", "cards"];
}

/// <summary>Deflection counters: a suggestion shown while drafting a complaint, or opened from there.</summary>
public sealed class DeflectionEvent
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";   // shown | opened
    public string Target { get; set; } = ""; // article key or troubleshooter key
    public DateTime At { get; set; }
}
