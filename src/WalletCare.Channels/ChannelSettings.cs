using Microsoft.Extensions.Configuration;

namespace WalletCare.Channels;

/// <summary>Channels:SupportAddress, Channels:InboundSecret (raw MIME endpoint), Channels:MailsPerHour (loop stopper).</summary>
public sealed record ChannelSettings(string SupportAddress, string? InboundSecret, int MailsPerHour)
{
    /// <summary>Demo only (README): the raw MIME endpoint's secret when none is configured in demo mode.</summary>
    public const string DemoInboundSecret = "demo-inbound-mail-secret";

    public static ChannelSettings From(IConfiguration c, bool demo) => new(
        c["Channels:SupportAddress"] is { Length: > 0 } s ? s : "support@walletcare.local",
        c["Channels:InboundSecret"] is { Length: > 0 } secret ? secret : demo ? DemoInboundSecret : null,
        c.GetValue("Channels:MailsPerHour", 10));
}
