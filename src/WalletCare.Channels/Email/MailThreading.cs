using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using WalletCare.Platform.Contracts;

namespace WalletCare.Channels.Email;

/// <summary>
/// Which case an incoming mail continues, strongest evidence first: a Message-ID we stored or sent
/// (In-Reply-To, References — ours embed the case number), the per-case reply address
/// (support+WC-2026-000123@…), then the case number token in the subject. Replies that open new tickets
/// instead of threading are the help-desk complaint this order exists to prevent.
/// </summary>
public sealed partial class MailThreading(ChannelsDbContext db, ICaseNumbers numbers, ICaseDirectory cases, ChannelSettings settings)
{
    public async Task<CaseRef?> FindCaseAsync(MimeMessage m, CancellationToken ct)
    {
        var ids = m.References.Reverse().Prepend(m.InReplyTo).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => Normalize(x!)).Distinct().ToList();
        if (ids.Count > 0)
        {
            var known = await db.EmailMessages.AsNoTracking().Where(x => ids.Contains(x.MessageId)).OrderByDescending(x => x.At)
                .Select(x => (Guid?)x.CaseId).FirstOrDefaultAsync(ct);
            if (known is { } caseId && await cases.GetAsync(caseId, ct) is { } k) return k;
            foreach (var id in ids)
                if (OurMessageId().Match(id) is { Success: true } ours && await numbers.FindByNumberAsync(ours.Groups[1].Value.ToUpperInvariant(), ct) is { } c) return c;
        }
        foreach (var to in m.To.Mailboxes.Concat(m.Cc.Mailboxes).Select(x => x.Address))
            if (ReplyAddress().Match(to) is { Success: true } a && await numbers.FindByNumberAsync(a.Groups[1].Value.ToUpperInvariant(), ct) is { } c) return c;
        if (SubjectToken().Match(m.Subject ?? "") is { Success: true } s && await numbers.FindByNumberAsync(s.Groups[1].Value.ToUpperInvariant(), ct) is { } bySubject)
            return bySubject;
        return null;
    }

    public string ReplyAddressFor(string caseNumber)
    {
        var at = settings.SupportAddress.IndexOf('@');
        return settings.SupportAddress[..at] + "+" + caseNumber + settings.SupportAddress[at..];
    }

    public static string Normalize(string messageId) => "<" + messageId.Trim().Trim('<', '>') + ">";

    [GeneratedRegex(@"^<case-(WC-\d{4}-\d{6})-[0-9a-f]+@", RegexOptions.IgnoreCase)]
    private static partial Regex OurMessageId();

    [GeneratedRegex(@"^[^@+]+\+(WC-\d{4}-\d{6})@", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyAddress();

    [GeneratedRegex(@"\[(WC-\d{4}-\d{6})\]", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectToken();
}
