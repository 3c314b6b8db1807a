using Microsoft.EntityFrameworkCore;

namespace WalletCare.Platform.Outbox;

/// <summary>
/// Something that must leave the product (an SMS, an e-mail, an in-app notification, a webhook), recorded
/// in the SAME database transaction as the change that causes it and driven to completion by the outbox job.
/// Every area that enqueues maps this entity into its own DbContext (<see cref="OutboxModel.MapOutbox"/>),
/// so the row commits or rolls back with the cause; only the platform context owns its migration.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>sms | email | inapp | webhook — the transport that delivers it (<see cref="IOutboxTransport"/>).</summary>
    public required string Channel { get; init; }
    /// <summary>What it is about (verification_code, security_alert, case_reply, case_status …), for preferences and the notification centre.</summary>
    public required string Kind { get; init; }
    public Guid? UserId { get; init; }
    /// <summary>Phone, e-mail address or URL; null for in-app.</summary>
    public string? To { get; init; }
    /// <summary>Text as sent, already in the recipient's language.</summary>
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    /// <summary>Transport extras as JSON, e.g. e-mail Message-ID / In-Reply-To / References, a link.</summary>
    public string? HeadersJson { get; init; }
    public Guid? CaseId { get; init; }
    /// <summary>Unique when set: recording the same message twice keeps one.</summary>
    public string? DedupeKey { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>pending | sent | dead (gave up after the retry schedule).</summary>
    public string State { get; set; } = OutboxStates.Pending;

    public static OutboxMessage Create(string channel, string kind, DateTime now, Guid? userId, string? to, string subject, string body,
        string? headersJson = null, Guid? caseId = null, string? dedupeKey = null) => new()
    {
        Channel = channel, Kind = kind, UserId = userId, To = to, Subject = subject, Body = body, HeadersJson = headersJson,
        CaseId = caseId, DedupeKey = dedupeKey, CreatedAt = now, NextAttemptAt = now,
    };
}

public static class OutboxStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";
}

public static class OutboxChannels
{
    public const string Sms = "sms";
    public const string Email = "email";
    public const string InApp = "inapp";
    public const string Webhook = "webhook";
}

/// <summary>Delivers outbox rows of one channel. The outbox job calls it; a thrown exception means "retry later".</summary>
public interface IOutboxTransport
{
    string Channel { get; }
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

public static class OutboxModel
{
    /// <summary>
    /// Maps the shared outbox table into an area's context. <paramref name="ownsMigration"/> is true only for the
    /// platform context; every other context excludes it from its migrations and just writes rows.
    /// </summary>
    public static void MapOutbox(this ModelBuilder b, bool ownsMigration = false) => b.Entity<OutboxMessage>(e =>
    {
        e.ToTable("outbox_messages", t => { if (!ownsMigration) t.ExcludeFromMigrations(); });
        e.HasKey(x => x.Id);
        e.Property(x => x.Body).HasMaxLength(20_000);
        e.Property(x => x.HeadersJson).HasMaxLength(4000);
        e.HasIndex(x => x.DedupeKey).IsUnique();
        e.HasIndex(x => new { x.State, x.NextAttemptAt });
        e.HasIndex(x => new { x.UserId, x.CreatedAt });
    });
}
