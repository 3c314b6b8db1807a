namespace WalletCare.Notifications.Domain;

/// <summary>An in-app notification: what the bell counts and the notification centre lists.</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    /// <summary>The outbox row that delivered it (unique), so a retried delivery never shows twice.</summary>
    public Guid OutboxId { get; init; }
    public required string Kind { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public Guid? CaseId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>An explicit choice of one customer for one kind on one channel; no row means the default.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; init; }
    public required string Kind { get; init; }
    public required string Channel { get; init; }
    public bool Enabled { get; set; }
    public DateTime UpdatedAt { get; set; }
}
