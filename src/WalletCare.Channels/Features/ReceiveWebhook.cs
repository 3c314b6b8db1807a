using WalletCare.Platform.Privacy;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Channels.Domain;
using WalletCare.Channels.Webhooks;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Validation;

namespace WalletCare.Channels.Features;

public sealed record WebhookCustomer(string? Phone, string? Email, string? Name);
public sealed record WebhookBody(string? EventId, string? Type, string? ExternalReference, WebhookCustomer? Customer, string? Subject, string? Body,
    DateTime? DueAt, string? Url);
public sealed record WebhookResult(string Outcome, Guid? CaseId, bool Duplicate);

/// <summary>POST /api/v1/channels/webhooks/{source} — a complaint from a social account, a complaint platform or a regulator.</summary>
public static class ReceiveWebhook
{
    public const int MaxBody = 64 * 1024;
    public static readonly string[] Types = ["complaint.created", "complaint.updated", "complaint.closed"];

    public static async Task<Ok<WebhookResult>> Endpoint(string source, HttpRequest request, WebhookGate gate, ReceiveWebhookHandler handler, CancellationToken ct)
    {
        var (src, raw) = await gate.VerifyAsync(source, request, cti: false, ct);
        WebhookBody? body;
        try { body = JsonSerializer.Deserialize<WebhookBody>(raw, JsonSerializerOptions.Web); }
        catch (JsonException) { throw new AppProblem(ChannelErrors.BadMessage); }
        return TypedResults.Ok(await handler.HandleAsync(src, body ?? throw new AppProblem(ChannelErrors.BadMessage), ct));
    }
}

/// <summary>
/// The event is stored once by (source, eventId) before anything else happens; the case is opened with an
/// intake dedupe key derived from the same pair, so a redelivery — even after a crash halfway — lands on one case.
/// </summary>
public sealed class ReceiveWebhookHandler(ChannelsDbContext db, IUserDirectory users, ICaseIntake intake, ICaseContacts contacts, TimeProvider time)
{
    public async Task<WebhookResult> HandleAsync(WebhookSource src, WebhookBody b, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Text.Check(errors, "eventId", b.EventId, 200);
        if (b.Type is null || !ReceiveWebhook.Types.Contains(b.Type)) errors["type"] = ["field.invalid"];
        Text.Check(errors, "externalReference", b.ExternalReference, 100);
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Source == src.Name && x.EventId == b.EventId, ct) is { } seen)
            return new WebhookResult("duplicate", seen.CaseId, true);
        var ev = new WebhookEvent { Source = src.Name, EventId = b.EventId!, ExternalReference = b.ExternalReference, ReceivedAt = now };
        db.Events.Add(ev);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once: the other request owns it.
            db.ChangeTracker.Clear();
            var other = await db.Events.AsNoTracking().FirstAsync(x => x.Source == src.Name && x.EventId == b.EventId, ct);
            return new WebhookResult("duplicate", other.CaseId, true);
        }

        var subject = Clip(b.Subject, 100) ?? b.ExternalReference!;
        var text = Clip(b.Body, 4000) ?? subject;
        var existing = await db.Events.AsNoTracking().Where(x => x.Source == src.Name && x.ExternalReference == b.ExternalReference && x.CaseId != null)
            .Select(x => x.CaseId).FirstOrDefaultAsync(ct);
        var customer = await FindCustomerAsync(b.Customer, ct);
        Guid? caseId = existing;
        if (caseId is null && customer is not null)
        {
            var opened = await intake.OpenAsync(new IntakeRequest(customer.Id, "other", src.Kind, subject, text,
                DedupeKey: $"webhook:{src.Name}:{b.ExternalReference}", ActorRole: "system", ReceivedAt: now), ct);
            caseId = opened.CaseId;
        }
        else if (caseId is { } id && b.Type == "complaint.updated" && !string.IsNullOrWhiteSpace(b.Body))
            await contacts.AddCustomerMessageAsync(id, src.Kind, text, customer?.Id, customer is null ? "system" : "customer", ct);
        if (caseId is { } cid)
        {
            await contacts.SetExternalAsync(cid, src.Name, b.ExternalReference!, b.DueAt is { } d ? DateTime.SpecifyKind(d.ToUniversalTime(), DateTimeKind.Utc) : null, ct);
            ev.CaseId = cid;
        }
        else
        {
            var item = new ChannelItem
            {
                Kind = "webhook", Source = src.Name, From = b.Customer?.Phone is { } p ? Phones.Mask(Phones.Normalize(p)) : b.Customer?.Email ?? "",
                Subject = subject, Body = text, ReceivedAt = now,
            };
            db.Items.Add(item);
            ev.ItemId = item.Id;
        }
        await db.SaveChangesAsync(ct);
        return new WebhookResult(caseId is null ? "unmatched" : existing is null ? "case" : "updated", caseId, false);
    }

    private async Task<UserSummary?> FindCustomerAsync(WebhookCustomer? c, CancellationToken ct)
    {
        UserSummary? u = null;
        if (Phones.Normalize(c?.Phone) is { } phone) u = await users.FindByLoginAsync(phone, ct);
        if (u is null && c?.Email is { Length: > 3 and < 320 } email) u = await users.FindByLoginAsync(email.Trim().ToLowerInvariant(), ct);
        return u is { Role: "customer" } ? u : null;
    }

    private static string? Clip(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is var t && t.Length > max ? t[..max] : s.Trim();
}
