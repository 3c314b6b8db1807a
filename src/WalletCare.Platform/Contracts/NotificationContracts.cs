namespace WalletCare.Platform.Contracts;

// The delivery boundary for messages leaving the product. Only these are simulated (SMS) or
// configurable (SMTP vs pickup folder); what to send is recorded in the outbox (Platform/Outbox).

public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct = default);
}

/// <summary>An e-mail ready to send. <see cref="Headers"/> carries Message-ID, In-Reply-To, References so clients thread it.</summary>
public sealed record EmailToSend(string To, string Subject, string TextBody, string? HtmlBody, IReadOnlyDictionary<string, string> Headers);

public interface IEmailSender
{
    Task SendAsync(EmailToSend mail, CancellationToken ct = default);
}
