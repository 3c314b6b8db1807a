using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using WalletCare.Channels.Domain;
using WalletCare.Channels.Email;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;

namespace WalletCare.Channels.Features;

public sealed record InboundMailResult(string Outcome, Guid? CaseId, Guid? ItemId);

/// <summary>POST /api/v1/channels/email/inbound — a raw message/rfc822 body from a mail gateway, authenticated by X-WalletCare-Secret.</summary>
public static class ReceiveEmail
{
    public static async Task<Ok<InboundMailResult>> Endpoint(HttpRequest request, ReceiveEmailHandler handler, ChannelSettings settings, CancellationToken ct)
    {
        var given = request.Headers["X-WalletCare-Secret"].ToString();
        if (settings.InboundSecret is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(settings.InboundSecret)))
            throw new AppProblem(ChannelErrors.BadSignature);
        MimeMessage message;
        try { message = await MimeMessage.LoadAsync(request.Body, ct); }
        catch (FormatException) { throw new AppProblem(ChannelErrors.BadMessage); }
        return TypedResults.Ok(await handler.HandleAsync(message, ct));
    }
}

/// <summary>
/// One inbound mail, from the endpoint or the IMAP poller: machine mail is dropped; a known Message-ID is a
/// redelivery; a mail that threads into a case of the same customer is added to it (text and evidence);
/// a new mail from a known customer address opens a case (channel email); anything else waits in the
/// "needs a match" inbox for an agent — a stranger naming a case number never writes on someone's case.
/// </summary>
public sealed class ReceiveEmailHandler(ChannelsDbContext db, MailThreading threading, IUserDirectory users, ICaseIntake intake,
    ICaseContacts contacts, ChannelSettings settings, TimeProvider time, ILogger<ReceiveEmailHandler> log)
{
    public async Task<InboundMailResult> HandleAsync(MimeMessage m, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var from = (m.From.Mailboxes.FirstOrDefault()?.Address ?? "").Trim().ToLowerInvariant();
        if (MailTriage.MachineReason(m) is { } reason)
        {
            log.LogInformation("Inbound mail from {From} ignored: {Reason}", from, reason);
            return await LogAsync(from, "ignored_auto", null, null, now, ct);
        }
        var messageId = MailThreading.Normalize(string.IsNullOrWhiteSpace(m.MessageId) ? MimeKit.Utils.MimeUtils.GenerateMessageId() : m.MessageId);
        if (await db.EmailMessages.AsNoTracking().FirstOrDefaultAsync(x => x.MessageId == messageId, ct) is { } seen)
            return new InboundMailResult("duplicate", seen.CaseId, null);
        var hourAgo = now.AddHours(-1);
        if (await db.InboundLog.CountAsync(x => x.Address == from && x.At > hourAgo && x.Outcome != "rate_limited", ct) >= settings.MailsPerHour)
            return await LogAsync(from, "rate_limited", null, null, now, ct);

        var text = MailText.Extract(m);
        var subject = Subject(m);
        var sender = await users.FindByLoginAsync(from, ct);
        var customer = sender is { Role: "customer" } ? sender : null;
        var thread = await threading.FindCaseAsync(m, ct);
        if (customer is not null && thread is not null && thread.CustomerId == customer.Id && thread.Status != "closed")
        {
            await contacts.AddCustomerMessageAsync(thread.Id, "email", text.Length > 0 ? text : subject, customer.Id, "customer", ct);
            await AttachAsync(m, thread.Id, customer.Id, ct);
            return await RecordAsync(messageId, thread.Id, from, "thread", now, ct);
        }
        if (customer is not null)
        {
            var opened = await intake.OpenAsync(new IntakeRequest(customer.Id, "other", "email", subject, text.Length > 0 ? text : subject,
                DedupeKey: "email:" + messageId, ActorId: customer.Id, ActorRole: "customer", ReceivedAt: now), ct);
            if (opened.Created) await AttachAsync(m, opened.CaseId, customer.Id, ct);
            return await RecordAsync(messageId, opened.CaseId, from, "case", now, ct);
        }
        var item = new ChannelItem { Kind = "email", Source = "email", From = from, Subject = subject, Body = text, ReceivedAt = now };
        db.Items.Add(item);
        return await LogAsync(from, "unmatched", null, item.Id, now, ct);
    }

    private static string Subject(MimeMessage m)
    {
        var s = (m.Subject ?? "").Trim();
        if (s.Length == 0) s = "e-mail";
        return s.Length > 100 ? s[..100] : s;
    }

    /// <summary>JPEG/PNG/PDF go through the upload checks; a refused file is skipped (logged), the message still lands.</summary>
    private async Task AttachAsync(MimeMessage m, Guid caseId, Guid customerId, CancellationToken ct)
    {
        foreach (var part in m.Attachments.OfType<MimePart>())
        {
            if (part.Content is null) continue;
            using var ms = new MemoryStream();
            await part.Content.DecodeToAsync(ms, ct);
            ms.Position = 0;
            try { await contacts.AddEvidenceAsync(caseId, part.FileName ?? "evidence", part.ContentType.MimeType, ms, customerId, "customer", ct); }
            catch (AppProblem e) { log.LogInformation("Attachment {Name} refused on case {CaseId}: {Code}", part.FileName, caseId, e.Code); }
        }
    }

    private async Task<InboundMailResult> RecordAsync(string messageId, Guid caseId, string from, string outcome, DateTime now, CancellationToken ct)
    {
        db.EmailMessages.Add(new EmailMessageRecord { MessageId = messageId, CaseId = caseId, Direction = "in", Address = from, At = now });
        return await LogAsync(from, outcome, caseId, null, now, ct);
    }

    private async Task<InboundMailResult> LogAsync(string from, string outcome, Guid? caseId, Guid? itemId, DateTime now, CancellationToken ct)
    {
        db.InboundLog.Add(new InboundMailLog { Address = from.Length > 320 ? from[..320] : from, At = now, Outcome = outcome });
        await db.SaveChangesAsync(ct);
        return new InboundMailResult(outcome, caseId, itemId);
    }
}
