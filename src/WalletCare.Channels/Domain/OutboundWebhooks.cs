namespace WalletCare.Channels.Domain;

/// <summary>A receiver of case events (admin-managed). <see cref="Events"/> is a space-separated list of types, or "*".</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Url { get; set; }
    public required string Secret { get; set; }
    public string Events { get; set; } = "*";
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public bool Wants(string type) => Events == "*" || Events.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(type);
}

public static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Gave up after a day of retries; staff can replay it.</summary>
    public const string Dead = "dead";
}

/// <summary>One event to one subscriber, retried on its own schedule; the rows are the delivery log staff read and replay.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    /// <summary>The event's id (the outbox row's): unique per subscription, so fanning out twice delivers once.</summary>
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public Guid? CaseId { get; set; }
    public required string PayloadJson { get; set; }
    public string State { get; set; } = DeliveryStates.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Start of the current one-day retry window (creation, or the last replay).</summary>
    public DateTime WindowStart { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }
}
