using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WalletCare.Channels.Email;
using WalletCare.Channels.Features;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Channels.Tests;

/// <summary>The IMAP poller against a real dovecot started by the test.</summary>
public sealed class ImapPollerTests
{
    private static Task<int> PollAsync(WalletCareFactory f, ImapSettings settings) => f.ScopedAsync(sp =>
        new ImapPoller(settings, sp.GetRequiredService<ChannelsDbContext>(), sp.GetRequiredService<ReceiveEmailHandler>(),
            sp.GetRequiredService<ILogger<ImapPoller>>()).PollAsync());

    [Fact]
    public async Task The_poller_picks_a_message_up_once_across_restarts()
    {
        if (!MailServers.HasDovecot()) { Console.WriteLine("SKIPPED: dovecot (dovecot-imapd) is not installed"); return; }
        if (Environment.UserName != "root") { Console.WriteLine("SKIPPED: the private dovecot needs root to start"); return; }
        using var imap = new MailServers.Imap();
        var settings = new ImapSettings("127.0.0.1", imap.Port, MailServers.Imap.User, MailServers.Imap.Password, "INBOX");
        using (var client = new ImapClient())
        {
            await client.ConnectAsync("127.0.0.1", imap.Port, SecureSocketOptions.None);
            await client.AuthenticateAsync(MailServers.Imap.User, MailServers.Imap.Password);
            await client.Inbox.AppendAsync(ChannelTestKit.Mail(ChannelTestKit.ZhangWei, "IMAP 来信", "请帮我查一下这笔付款。"));
            await client.DisconnectAsync(true);
        }
        var data = Directory.CreateTempSubdirectory("wc-imap-data-").FullName;
        await using (var f = new WalletCareFactory(dataDirectory: data))
        {
            Assert.Equal(1, await PollAsync(f, settings));
            Assert.Equal(0, await PollAsync(f, settings));
        }
        await using (var restarted = new WalletCareFactory(dataDirectory: data))
        {
            Assert.Equal(0, await PollAsync(restarted, settings));
            Assert.Equal(1, await restarted.Db(db => System.Threading.Tasks.Task.FromResult(db.EmailMessages.Count(m => m.Direction == "in"))));
        }
    }
}
