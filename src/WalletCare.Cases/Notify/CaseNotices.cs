using System.Globalization;
using System.Resources;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;
using WalletCare.Platform.Outbox;

namespace WalletCare.Cases.Notify;

/// <summary>
/// Tells the customer that staff answered their case or changed its status: outbox rows added to the same
/// unit of work as the change, so the notice exists exactly when the change committed. One row per channel the
/// customer can be reached on (in-app, e-mail, SMS); the notification centre's job applies the customer's
/// preferences when it delivers (a channel they switched off is skipped there, not here, so Cases never
/// reads another area's tables). A reply that also opens the case gives one notice (the reply), and the
/// customer's own actions (cancel, reopen) give none. Text is in the customer's language, not the agent's.
/// </summary>
public sealed class CaseNotices(IUserDirectory users)
{
    public const string ReplyKind = "case_reply";
    public const string StatusKind = "case_status";
    private static readonly ResourceManager Notices = new("WalletCare.Cases.Resources.CaseNoticeText", typeof(CaseNotices).Assembly);
    private static readonly ResourceManager Words = new("WalletCare.Cases.Resources.CaseText", typeof(CaseNotices).Assembly);

    public async Task RecordAsync(CasesDbContext db, Case c, DateTime now, CancellationToken ct)
    {
        var events = db.ChangeTracker.Entries<CaseEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == c.Id && e.Entity.Public && e.Entity.ActorRole != Roles.Customer)
            .Select(e => e.Entity).ToList();
        var reply = events.LastOrDefault(e => e.Kind == TimelineKinds.Reply);
        var status = events.LastOrDefault(e => e.Kind == TimelineKinds.StatusChange);
        if (reply is null && status is null) return;
        if (await users.GetAsync(c.CustomerId, ct) is not { Role: Roles.Customer } customer) return;
        var culture = CultureInfo.GetCultureInfo(customer.Locale is "en-US" ? "en-US" : "zh-CN");
        string T(string key, params object[] args) => string.Format(culture, Notices.GetString(key, culture) ?? key, args);
        var statusWord = Words.GetString("status." + c.Status, culture) ?? c.Status;
        var (kind, title, body, shortText) = reply is not null
            ? (ReplyKind, T("notice.reply.title", c.Number), T("notice.reply.body", c.Number, c.Subject, Clip(reply.Body, 1000)), T("notice.reply.sms", c.Number))
            : (StatusKind, T("notice.status.title", c.Number, statusWord), T("notice.status.body", c.Number, c.Subject, statusWord), T("notice.status.sms", c.Number, statusWord));
        // Keyed by the case's version: saving the same change twice cannot notify twice.
        var key = $"case:{c.Id:N}:{c.Version}:{kind}:";
        db.Add(OutboxMessage.Create(OutboxChannels.InApp, kind, now, customer.Id, null, title, body, caseId: c.Id, dedupeKey: key + "inapp"));
        // A case that came by e-mail gets the reply itself as an e-mail (EmailReplyHook); a second mail saying
        // "you have a reply" would only be noise in the same thread.
        var replyGoesByEmail = reply is not null && c.Channel == "email";
        if (customer.Email is { Length: > 0 } email && !replyGoesByEmail)
            db.Add(OutboxMessage.Create(OutboxChannels.Email, kind, now, customer.Id, email, title, body, ThreadHeaders(c), c.Id, key + "email"));
        if (customer.Phone is { Length: > 0 } phone)
            db.Add(OutboxMessage.Create(OutboxChannels.Sms, kind, now, customer.Id, phone, title, shortText, caseId: c.Id, dedupeKey: key + "sms"));
    }

    /// <summary>Every e-mail about one case refers to the same root id, so the customer's mail client shows them as one thread.</summary>
    private static string ThreadHeaders(Case c)
    {
        var root = $"<case-{c.Id:N}@walletcare.local>";
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Message-ID"] = $"<case-{c.Id:N}-v{c.Version}@walletcare.local>", ["In-Reply-To"] = root, ["References"] = root,
        });
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
