using System.Text.Json;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Outbox;

namespace WalletCare.Cases.Features;

/// <summary>
/// The agent answers by the channel the customer used: when the customer wrote about this case by e-mail,
/// the reply is recorded in the outbox in the reply's own unit of work (added, not saved — the caller's
/// SaveChanges commits both or neither), with the headers a mail client needs to thread it.
/// </summary>
public sealed class EmailReplyHook(CasesDbContext db, IEnumerable<IEmailThreads> threads, TimeProvider time)
{
    public const string MailDomain = "walletcare.local";

    public async Task EnqueueAsync(Case c, string body, CancellationToken ct)
    {
        var source = threads.FirstOrDefault();
        if (source is null || await source.ForCaseAsync(c.Id, c.Number, ct) is not { } thread) return;
        var id = Guid.CreateVersion7();
        var references = thread.References.Count > 0 ? string.Join(' ', thread.References) : thread.LastMessageId;
        var headers = new Dictionary<string, string> { ["Message-ID"] = MessageId(c.Number, id), ["Reply-To"] = thread.ReplyToAddress };
        if (thread.LastMessageId is { } last) headers["In-Reply-To"] = last;
        if (!string.IsNullOrEmpty(references)) headers["References"] = references;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = id, Channel = OutboxChannels.Email, Kind = "case_reply", UserId = c.CustomerId, To = thread.CustomerAddress,
            Subject = $"Re: {c.Subject} [{c.Number}]", Body = body, HeadersJson = JsonSerializer.Serialize(headers), CaseId = c.Id,
            CreatedAt = time.GetUtcNow().UtcDateTime, NextAttemptAt = time.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Ours carry the case number, so a reply threads even if the channels area never stored the id.</summary>
    public static string MessageId(string caseNumber, Guid id) => $"<case-{caseNumber}-{id:N}@{MailDomain}>";
}
