using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Security.Tests;

/// <summary>
/// The new-device alert's "this wasn't me" link with the real account protection (issue #11): the wallet is
/// frozen, every session ends, one P1 account_compromised case is open — and a payment then fails WALLET_FROZEN.
/// </summary>
public sealed class NotMeLinkFreezeTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_alert_link_freezes_the_wallet_ends_sessions_and_opens_one_P1_case(Db db)
    {
        await using var f = WalletCareFactory.Create(db);
        const string phone = "13800000002";
        var id = await f.UserIdAsync(phone);
        var usual = f.Bearer(await f.TokenAsync(f.Device(), phone));
        const string strangerUa = "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0";
        var stranger = f.Bearer(await f.TokenAsync(f.Device(strangerUa), phone), strangerUa);
        var sms = (await f.OutboxAsync(id)).Single(m => m.Channel == OutboxChannels.Sms && m.Kind == "security_alert");

        var res = await (await f.CreateClient().PostAsJsonAsync("/api/v1/security/not-me", new { token = SecurityTestKit.LinkToken(sms) })).ExpectAsync(200);
        Assert.True(res.GetProperty("frozen").GetBoolean());

        await (await usual.GetAsync("/api/v1/me")).ExpectAsync(401);
        await (await stranger.GetAsync("/api/v1/me")).ExpectAsync(401);
        var wallet = await f.ScopedAsync(sp => sp.GetRequiredService<IWalletQueries>().GetWalletAsync(id));
        Assert.Equal("frozen", wallet!.Status);
        var open = await f.ScopedAsync(sp => sp.GetRequiredService<ICaseIntake>().FindOpenCaseAsync(id));
        Assert.Equal(("account_compromised", "P1"), (open!.Category, open.Priority));

        // Signing in again works (to see the case), but money does not leave.
        var again = f.Bearer(await f.TokenAsync(f.Device(), phone));
        var merchant = (await (await again.GetAsync("/api/v1/wallet/merchants")).ExpectAsync(200))[0].GetProperty("id").GetString();
        await (await again.PostJsonAsync("/api/v1/wallet/payments", new { merchantId = merchant, amountMinor = 100 }, Guid.NewGuid().ToString()))
            .ExpectAsync(423, "WALLET_FROZEN");
    }
}
