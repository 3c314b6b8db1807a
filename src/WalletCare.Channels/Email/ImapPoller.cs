using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WalletCare.Channels.Domain;
using WalletCare.Channels.Features;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Modules;

namespace WalletCare.Channels.Email;

/// <summary>Imap:Host, Port, User, Password, Folder (INBOX). The poller runs only when Host is set.</summary>
public sealed record ImapSettings(string Host, int Port, string User, string Password, string Folder)
{
    public static ImapSettings? From(IConfiguration c) =>
        string.IsNullOrWhiteSpace(c["Imap:Host"]) ? null
            : new(c["Imap:Host"]!, int.TryParse(c["Imap:Port"], out var p) ? p : 143, c["Imap:User"] ?? "", c["Imap:Password"] ?? "",
                c["Imap:Folder"] is { Length: > 0 } f ? f : "INBOX");

    public string CursorKey => $"{User}@{Host}:{Port}/{Folder}";
}

/// <summary>
/// Reads new mail by UID and remembers (UIDVALIDITY, last UID) in our database after each message, so a
/// restart continues where it stopped and a message is processed once; the Message-ID check in
/// <see cref="ReceiveEmailHandler"/> covers the one message that may be in flight during a crash. The
/// mailbox is opened read-only: the poller never deletes or flags the customer's mail.
/// </summary>
public sealed class ImapPoller(ImapSettings settings, ChannelsDbContext db, ReceiveEmailHandler handler, ILogger<ImapPoller> log)
{
    public async Task<int> PollAsync(CancellationToken ct = default)
    {
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host, settings.Port, SecureSocketOptions.Auto, ct);
        await client.AuthenticateAsync(settings.User, settings.Password, ct);
        var folder = await client.GetFolderAsync(settings.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);
        var cursor = await db.ImapCursors.FirstOrDefaultAsync(x => x.Mailbox == settings.CursorKey, ct);
        if (cursor is null) db.ImapCursors.Add(cursor = new ImapCursor { Mailbox = settings.CursorKey });
        if (cursor.UidValidity != folder.UidValidity)
        {
            // A new UIDVALIDITY means the server renumbered the mailbox: start over; Message-IDs stop duplicates.
            cursor.UidValidity = folder.UidValidity;
            cursor.LastUid = 0;
        }
        var uids = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(cursor.LastUid + 1), UniqueId.MaxValue)), ct))
            .Where(u => u.Id > cursor.LastUid).OrderBy(u => u.Id).ToList();
        var done = 0;
        foreach (var uid in uids)
        {
            var message = await folder.GetMessageAsync(uid, ct);
            try { await handler.HandleAsync(message, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken message must not block the mailbox forever; it is logged and skipped.
                log.LogError(e, "IMAP message {Uid} could not be processed; skipped", uid.Id);
                db.ChangeTracker.Clear();
                cursor = await db.ImapCursors.FirstOrDefaultAsync(x => x.Mailbox == settings.CursorKey, ct)
                    ?? db.ImapCursors.Add(new ImapCursor { Mailbox = settings.CursorKey, UidValidity = folder.UidValidity }).Entity;
            }
            cursor.LastUid = uid.Id;
            await db.SaveChangesAsync(ct);
            done++;
        }
        await db.SaveChangesAsync(ct);
        await client.DisconnectAsync(true, ct);
        return done;
    }
}

internal sealed class ImapPollerService(IServiceProvider services, TimeProvider time, WalletCareSettings settings, ILogger<ImapPollerService> log)
    : PeriodicJob(services, time, settings, log)
{
    protected override string LeaseName => "channels-imap";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);
    protected override Task RunOnceAsync(IServiceProvider scoped, CancellationToken ct) => scoped.GetRequiredService<ImapPoller>().PollAsync(ct);
}
