using System.Text.Json;
using Microsoft.Extensions.Configuration;
using MimeKit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Persistence;

namespace WalletCare.Notifications.Outbox;

/// <summary>
/// The default delivery when no gateway is configured: each message becomes a file under
/// {DataDirectory}/pickup/sms (JSON) or {DataDirectory}/pickup/email (.eml), named by time so a directory
/// listing reads in order. An operator (or a mail server's pickup service) takes them from there.
/// </summary>
public sealed class PickupSmsSender(DatabaseSettings settings, TimeProvider time) : ISmsSender
{
    public async Task SendAsync(string phone, string text, CancellationToken ct = default)
    {
        var at = time.GetUtcNow().UtcDateTime;
        var file = Pickup.PathFor(settings, "sms", at, "json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { to = phone, text, at }), ct);
    }
}

public sealed class PickupEmailSender(DatabaseSettings settings, IConfiguration config, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(EmailToSend mail, CancellationToken ct = default)
    {
        var at = time.GetUtcNow();
        var m = new MimeMessage { Subject = mail.Subject, Date = at };
        m.From.Add(MailboxAddress.Parse(config["Notifications:From"] is { Length: > 0 } f ? f : "WalletCare <noreply@walletcare.local>"));
        m.To.Add(MailboxAddress.Parse(mail.To));
        foreach (var (name, value) in mail.Headers)
        {
            if (name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)) m.MessageId = value.Trim('<', '>');
            else if (name.Equals("In-Reply-To", StringComparison.OrdinalIgnoreCase)) m.InReplyTo = value.Trim('<', '>');
            else if (name.Equals("References", StringComparison.OrdinalIgnoreCase))
                foreach (var r in value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) m.References.Add(r.Trim('<', '>'));
            else m.Headers.Add(name, value);
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        m.Body = body.ToMessageBody();
        await m.WriteToAsync(Pickup.PathFor(settings, "email", at.UtcDateTime, "eml"), ct);
    }
}

internal static class Pickup
{
    public static string PathFor(DatabaseSettings settings, string kind, DateTime at, string ext)
    {
        var dir = Path.Combine(settings.DataDirectory, "pickup", kind);
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $"{at:yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.{ext}");
    }
}
