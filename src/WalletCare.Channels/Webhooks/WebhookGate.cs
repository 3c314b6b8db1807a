using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using WalletCare.Channels.Domain;
using WalletCare.Channels.Features;
using WalletCare.Platform.Errors;

namespace WalletCare.Channels.Webhooks;

/// <summary>
/// Reads the raw body (the signature is over the exact bytes) and verifies it before anything is parsed or
/// stored. An unknown source answers like a wrong signature, so probing does not reveal which sources exist.
/// </summary>
public sealed class WebhookGate(ChannelsDbContext db, TimeProvider time)
{
    public async Task<(WebhookSource, byte[])> VerifyAsync(string source, HttpRequest request, bool cti, CancellationToken ct)
    {
        if (request.ContentLength > ReceiveWebhook.MaxBody) throw new AppProblem(ChannelErrors.BadMessage);
        using var ms = new MemoryStream();
        var buffer = new byte[8192];
        int n;
        while ((n = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            ms.Write(buffer, 0, n);
            if (ms.Length > ReceiveWebhook.MaxBody) throw new AppProblem(ChannelErrors.BadMessage);
        }
        var body = ms.ToArray();
        var src = await db.Sources.AsNoTracking().FirstOrDefaultAsync(x => x.Name == source, ct);
        var kindOk = src is not null && (cti ? src.Kind == SourceKinds.Cti : src.Kind != SourceKinds.Cti);
        if (!kindOk || !WebhookSignature.Verify(src!, request.Headers["X-WalletCare-Timestamp"], request.Headers["X-WalletCare-Signature"], body,
                time.GetUtcNow().UtcDateTime))
            throw new AppProblem(ChannelErrors.BadSignature);
        return (src!, body);
    }
}
