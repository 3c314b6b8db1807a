using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using WalletCare.Platform.Contracts;

namespace WalletCare.Channels.Email;

/// <summary>Smtp:Host, Port, User, Password, From. Only when Host is set does SMTP replace the pickup folder.</summary>
public sealed record SmtpSettings(string Host, int Port, string? User, string? Password, string From)
{
    public static SmtpSettings? From_(Microsoft.Extensions.Configuration.IConfiguration c) =>
        string.IsNullOrWhiteSpace(c["Smtp:Host"]) ? null
            : new(c["Smtp:Host"]!, int.TryParse(c["Smtp:Port"], out var p) ? p : 25, c["Smtp:User"], c["Smtp:Password"],
                c["Smtp:From"] is { Length: > 0 } f ? f : "support@walletcare.local");
}

/// <summary>
/// Sends one e-mail per call over SMTP (MailKit). A failure throws: the outbox job keeps the row pending and
/// tries again later, so the caller never has to know whether the server was up. The threading headers
/// (Message-ID, In-Reply-To, References) are set exactly as recorded so a retry is the same message.
/// </summary>
public sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    public async Task SendAsync(EmailToSend mail, CancellationToken ct = default)
    {
        using var message = Build(mail, settings.From);
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host, settings.Port, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(settings.User)) await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    public static MimeMessage Build(EmailToSend mail, string from)
    {
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse(from));
        m.To.Add(MailboxAddress.Parse(mail.To));
        m.Subject = mail.Subject;
        foreach (var (name, value) in mail.Headers)
        {
            switch (name.ToLowerInvariant())
            {
                case "message-id": m.MessageId = value.Trim().Trim('<', '>'); break;
                case "in-reply-to": m.InReplyTo = value.Trim().Trim('<', '>'); break;
                case "references":
                    foreach (var r in MimeKit.Utils.MimeUtils.EnumerateReferences(value)) m.References.Add(r);
                    break;
                case "reply-to": m.ReplyTo.Add(MailboxAddress.Parse(value)); break;
                default: m.Headers.Add(name, value); break;
            }
        }
        // A person wrote it, so no Auto-Submitted; but Exchange-style out-of-office replies are suppressed to avoid loops.
        if (!m.Headers.Contains("X-Auto-Response-Suppress")) m.Headers.Add("X-Auto-Response-Suppress", "OOF, AutoReply");
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        m.Body = body.ToMessageBody();
        return m;
    }
}
