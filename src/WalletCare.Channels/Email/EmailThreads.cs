using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Contracts;

namespace WalletCare.Channels.Email;

/// <summary>
/// For the cases area's reply hook: the address the customer wrote from and the ids to reference. The
/// References list is capped (the newest ten) — enough for every client to thread, short enough for a header.
/// </summary>
public sealed class EmailThreads(ChannelsDbContext db, MailThreading threading) : IEmailThreads
{
    public async Task<EmailThread?> ForCaseAsync(Guid caseId, string caseNumber, CancellationToken ct = default)
    {
        var seen = await db.EmailMessages.AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.At).ThenByDescending(x => x.Id)
            .Take(10).ToListAsync(ct);
        var lastIn = seen.FirstOrDefault(x => x.Direction == "in");
        if (lastIn is null) return null;
        var references = seen.Select(x => x.MessageId).Reverse().ToList();
        return new EmailThread(lastIn.Address, lastIn.MessageId, references, threading.ReplyAddressFor(caseNumber));
    }
}
