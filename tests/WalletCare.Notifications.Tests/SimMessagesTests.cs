using System.Text.Json;
using WalletCare.Platform.Outbox;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Notifications.Tests;

public sealed class SimMessagesTests
{
    [Fact]
    public async Task Demo_lists_sent_sms_and_email_newest_first_with_body_and_writes_the_pickup_folder()
    {
        await using var f = new WalletCareFactory();
        await f.EnqueueAsync(OutboxChannels.Sms, "【WalletCare】验证码 111111", to: "13800000001");
        f.Time.Advance(TimeSpan.FromSeconds(10));
        await f.DrainAsync();
        await f.EnqueueAsync(OutboxChannels.Sms, "【WalletCare】验证码 222222", to: "13800000001");
        await f.EnqueueAsync(OutboxChannels.Sms, "【WalletCare】验证码 333333", to: "13800000002");
        await f.EnqueueAsync(OutboxChannels.Email, "Your code is 444444", to: "zhangwei@demo.walletcare.local",
            headersJson: JsonSerializer.Serialize(new Dictionary<string, string> { ["In-Reply-To"] = "<case-1@walletcare.local>", ["link"] = "/x" }));
        await f.EnqueueAsync(OutboxChannels.Sms, "not sent yet", to: "13800000001");
        f.Time.Advance(TimeSpan.FromSeconds(10));
        await f.DrainAsync();
        var unsent = await f.EnqueueAsync(OutboxChannels.Sms, "still pending", to: "13800000001");

        // No session needed: a customer who lost their phone has none.
        var anon = f.CreateClient();
        var sms = (await (await anon.GetAsync("/api/v1/sim/messages?to=13800000001&channel=sms")).ExpectAsync(200)).Items().ToList();
        Assert.Equal(3, sms.Count);
        Assert.Contains(sms, m => m.GetProperty("body").GetString() == "【WalletCare】验证码 222222");
        Assert.Equal("【WalletCare】验证码 111111", sms[^1].GetProperty("body").GetString());
        Assert.DoesNotContain(sms, m => m.GetProperty("id").GetString() == unsent.ToString());
        var mail = (await (await anon.GetAsync("/api/v1/sim/messages?channel=email")).ExpectAsync(200)).Items().Single();
        Assert.Equal("Your code is 444444", mail.GetProperty("body").GetString());
        await (await anon.GetAsync("/api/v1/sim/messages?channel=fax")).ExpectAsync(400, "VALIDATION_FAILED");

        Assert.Equal(4, Directory.GetFiles(Path.Combine(f.DataDirectory, "pickup", "sms"), "*.json").Length);
        var eml = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(f.DataDirectory, "pickup", "email"), "*.eml").Single());
        Assert.Contains("In-Reply-To: <case-1@walletcare.local>", eml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Message-Id: <", eml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("To: zhangwei@demo.walletcare.local", eml);
    }

    [Fact]
    public async Task Outside_demo_mode_there_is_no_simulator()
    {
        await using var f = new WalletCareFactory(demo: false);
        await f.EnqueueAsync(OutboxChannels.Sms, "【WalletCare】验证码 123456", to: "13800000001");
        await f.DrainAsync();
        var res = await f.CreateClient().GetAsync("/api/v1/sim/messages?to=13800000001&channel=sms");
        Assert.Equal(404, (int)res.StatusCode);
        Assert.DoesNotContain("123456", await res.Content.ReadAsStringAsync());
    }
}
