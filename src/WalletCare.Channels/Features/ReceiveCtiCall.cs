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

public sealed record CtiCallBody(string? EventId, string? Phone, string? Direction, DateTime? StartedAt, int? DurationSeconds, string? IvrChoice, string? Summary);

/// <summary>POST /api/v1/channels/cti — the telephony system reports a call (same signature scheme as the webhooks, source "cti").</summary>
public static class ReceiveCtiCall
{
    public static async Task<Ok<WebhookResult>> Endpoint(HttpRequest request, WebhookGate gate, ReceiveCtiCallHandler handler, CancellationToken ct)
    {
        var (src, raw) = await gate.VerifyAsync("cti", request, cti: true, ct);
        CtiCallBody? body;
        try { body = JsonSerializer.Deserialize<CtiCallBody>(raw, JsonSerializerOptions.Web); }
        catch (JsonException) { throw new AppProblem(ChannelErrors.BadMessage); }
        return TypedResults.Ok(await handler.HandleAsync(src, body ?? throw new AppProblem(ChannelErrors.BadMessage), ct));
    }
}

/// <summary>
/// A call from a known number lands on the customer's open case, or opens one (channel phone) whose category
/// comes from the IVR menu; an unknown number becomes a call log in the "needs a match" inbox. Stored once by eventId.
/// </summary>
public sealed class ReceiveCtiCallHandler(ChannelsDbContext db, IUserDirectory users, ICaseIntake intake, ICaseDirectory cases, TimeProvider time)
{
    /// <summary>The IVR menu of the demo hotline (1 payment, 2 refund, 3 account security, 4 fraud, anything else "other").</summary>
    public static readonly IReadOnlyDictionary<string, string> IvrCategories = new Dictionary<string, string>
    {
        ["1"] = "payment_failed", ["2"] = "refund_not_received", ["3"] = "account_compromised", ["4"] = "fraud_scam",
    };

    public async Task<WebhookResult> HandleAsync(WebhookSource src, CtiCallBody b, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Text.Check(errors, "eventId", b.EventId, 200);
        var phone = Phones.Normalize(b.Phone);
        if (phone is null) errors["phone"] = ["field.invalid"];
        if (b.DurationSeconds is < 0 or > 86_400) errors["durationSeconds"] = ["field.invalid"];
        if (b.Direction is not (null or "inbound" or "outbound")) errors["direction"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Source == src.Name && x.EventId == b.EventId, ct) is { } seen)
            return new WebhookResult("duplicate", seen.CaseId, true);
        var now = time.GetUtcNow().UtcDateTime;
        var ev = new WebhookEvent { Source = src.Name, EventId = b.EventId!, ReceivedAt = now };
        db.Events.Add(ev);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var other = await db.Events.AsNoTracking().FirstAsync(x => x.Source == src.Name && x.EventId == b.EventId, ct);
            return new WebhookResult("duplicate", other.CaseId, true);
        }
        var summary = b.Summary is { Length: > 0 } s ? (s.Length > 2000 ? s[..2000] : s).Trim() : "";
        var customer = await users.FindByLoginAsync(phone!, ct) is { Role: "customer" } u ? u : null;
        string outcome;
        if (customer is null)
        {
            var item = new ChannelItem { Kind = "call", Source = src.Name, From = Phones.Mask(phone), Subject = b.IvrChoice ?? "", Body = summary, ReceivedAt = now };
            db.Items.Add(item);
            ev.ItemId = item.Id;
            outcome = "unmatched";
        }
        else
        {
            var open = await intake.FindOpenCaseAsync(customer.Id, null, ct);
            Guid caseId;
            if (open is not null) { caseId = open.Id; outcome = "logged"; }
            else
            {
                var category = b.IvrChoice is { } k && IvrCategories.TryGetValue(k, out var c) ? c : "other";
                var opened = await intake.OpenAsync(new IntakeRequest(customer.Id, category, "phone", "hotline", summary.Length > 0 ? summary : "hotline",
                    DedupeKey: $"cti:{b.EventId}", ActorRole: "system", ReceivedAt: now), ct);
                caseId = opened.CaseId;
                outcome = "case";
            }
            await cases.AppendTimelineAsync(new TimelineAppend(caseId, null, "system", TimelineKinds.Call, false, new TimelineArgs
            {
                CallDirection = b.Direction ?? "inbound", MaskedPhone = Phones.Mask(phone), DurationSeconds = b.DurationSeconds ?? 0,
            }, summary), ct);
            ev.CaseId = caseId;
        }
        await db.SaveChangesAsync(ct);
        return new WebhookResult(outcome, ev.CaseId, false);
    }
}
