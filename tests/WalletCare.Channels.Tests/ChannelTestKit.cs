using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SkiaSharp;
using WalletCare.Channels;
using WalletCare.Channels.Webhooks;
using WalletCare.Testing;

namespace WalletCare.Channels.Tests;

internal static class ChannelTestKit
{
    public const string ZhangWei = "zhangwei@demo.walletcare.local";

    public static byte[] Jpeg()
    {
        using var bmp = new SKBitmap(24, 24);
        bmp.Erase(SKColors.SteelBlue);
        using var data = bmp.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    public static MimeMessage Mail(string from, string subject, string text, byte[]? jpeg = null, string? inReplyTo = null, string? to = null)
    {
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse(from));
        m.To.Add(MailboxAddress.Parse(to ?? "support@walletcare.local"));
        m.Subject = subject;
        m.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        if (inReplyTo is not null)
        {
            m.InReplyTo = inReplyTo.Trim('<', '>');
            m.References.Add(m.InReplyTo);
        }
        var b = new BodyBuilder { TextBody = text };
        if (jpeg is not null) b.Attachments.Add("receipt.jpg", jpeg, new ContentType("image", "jpeg"));
        m.Body = b.ToMessageBody();
        return m;
    }

    public static async Task<HttpResponseMessage> PostMailAsync(this WalletCareFactory f, MimeMessage m, string secret = ChannelSettings.DemoInboundSecret)
    {
        using var ms = new MemoryStream();
        await m.WriteToAsync(ms);
        var content = new ByteArrayContent(ms.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/channels/email/inbound") { Content = content };
        req.Headers.Add("X-WalletCare-Secret", secret);
        return await f.CreateClient().SendAsync(req);
    }

    public static async Task<HttpResponseMessage> PostSignedAsync(this WalletCareFactory f, string path, string json, string secret, DateTimeOffset? at = null,
        string? signature = null)
    {
        var ts = (at ?? f.Time.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(json);
        var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        req.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        req.Headers.Add("X-WalletCare-Timestamp", ts);
        req.Headers.Add("X-WalletCare-Signature", signature ?? WebhookSignature.Sign(secret, ts, body));
        return await f.CreateClient().SendAsync(req);
    }

    public static Task<T> Db<T>(this WalletCareFactory f, Func<ChannelsDbContext, Task<T>> q) =>
        f.ScopedAsync(sp => q(sp.GetRequiredService<ChannelsDbContext>()));
}
