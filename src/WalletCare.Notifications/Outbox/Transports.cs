using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WalletCare.Notifications.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;

namespace WalletCare.Notifications.Outbox;

public sealed class SmsTransport(ISmsSender sender) : IOutboxTransport
{
    public string Channel => OutboxChannels.Sms;

    public Task SendAsync(OutboxMessage message, CancellationToken ct) =>
        sender.SendAsync(message.To ?? throw new InvalidOperationException("SMS without a phone number"), message.Body, ct);
}

/// <summary>Builds the e-mail from the row; the row's HeadersJson carries Message-ID / In-Reply-To / References.</summary>
public sealed class EmailTransport(IEmailSender sender) : IOutboxTransport
{
    public const string Domain = "walletcare.local";

    public string Channel => OutboxChannels.Email;

    public Task SendAsync(OutboxMessage message, CancellationToken ct) =>
        sender.SendAsync(ToEmail(message), ct);

    public static EmailToSend ToEmail(OutboxMessage m)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(m.HeadersJson))
        {
            using var doc = JsonDocument.Parse(m.HeadersJson);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var p in doc.RootElement.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.String && p.Name.Contains('-', StringComparison.Ordinal)) headers[p.Name] = p.Value.GetString()!;
        }
        // A stable id per row: a retried delivery is the same message to the recipient's client.
        headers.TryAdd("Message-ID", $"<{m.Id:N}@{Domain}>");
        return new EmailToSend(m.To ?? throw new InvalidOperationException("E-mail without an address"), m.Subject, m.Body, null, headers);
    }
}

/// <summary>In-app delivery is a row in the notification centre, at most one per outbox row.</summary>
public sealed class InAppTransport(NotificationsDbContext db) : IOutboxTransport
{
    public string Channel => OutboxChannels.InApp;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var user = message.UserId ?? throw new InvalidOperationException("In-app notification without a user");
        if (await db.Notifications.AnyAsync(n => n.OutboxId == message.Id, ct)) return;
        db.Notifications.Add(new Notification
        {
            UserId = user, OutboxId = message.Id, Kind = message.Kind, Title = message.Subject, Body = message.Body,
            CaseId = message.CaseId, CreatedAt = message.CreatedAt,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
