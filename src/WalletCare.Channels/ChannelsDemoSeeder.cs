using Microsoft.EntityFrameworkCore;
using WalletCare.Channels.Domain;
using WalletCare.Platform.Modules;

namespace WalletCare.Channels;

/// <summary>Demo only: the webhook sources of SPEC §8 with the fixed secrets listed in the README.</summary>
internal sealed class ChannelsDemoSeeder(ChannelsDbContext db, TimeProvider time) : IDemoSeeder
{
    public static readonly (string Name, string Kind, string Secret)[] Demo =
    [
        ("weibo", SourceKinds.Social, "demo-weibo-secret"),
        ("heimao", SourceKinds.ThirdParty, "demo-heimao-secret"),
        ("12315", SourceKinds.Regulator, "demo-12315-secret"),
        ("cti", SourceKinds.Cti, "demo-cti-secret"),
    ];

    public int Order => 60;

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var (name, kind, secret) in Demo)
            if (!await db.Sources.AnyAsync(s => s.Name == name, ct))
                db.Sources.Add(new WebhookSource { Name = name, Kind = kind, Secret = secret, CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}
