using System.Globalization;
using Microsoft.Extensions.Localization;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Resources;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Money;

namespace WalletCare.Cases.Timeline;

/// <summary>
/// Who reads the timeline. The same entry reads differently to the customer ("您" did it, "客服" answered —
/// staff identities stay inside) and to staff ("客户 张伟" did it).
/// </summary>
public sealed record TimelineViewer(bool IsCustomer, string? CustomerName)
{
    public static TimelineViewer Customer { get; } = new(true, null);
    public static TimelineViewer Staff(string? customerName) => new(false, customerName);
}

/// <summary>One entry as shown: who (by role, relative to the viewer), what (a short title) and the full sentence.</summary>
public sealed record RenderedEntry(string Actor, string Title, string Text);

/// <summary>
/// The one place where a stored timeline entry (kind + typed arguments) becomes text, in the current UI
/// culture. API, pages and the dossier all go through here, so the wording is the same everywhere and no
/// resource key, raw fen amount or staff id reaches a reader.
/// </summary>
public sealed class TimelineRenderer(IStringLocalizer<CaseText> text)
{
    public RenderedEntry Render(CaseEvent e, TimelineViewer viewer)
    {
        var (kind, args, body) = TimelineLegacy.Normalize(e.Kind, e.Body, TimelineArgs.Parse(e.DataJson));
        return Render(kind, e.ActorRole, body, args, viewer);
    }

    public RenderedEntry Render(string kind, string actorRole, string body, TimelineArgs a, TimelineViewer viewer)
    {
        var title = Word("event.", kind, T("event.unknown"));
        var parts = Details(kind, body, a, viewer).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        var sentence = parts.Count == 0 ? title : title + T("timeline.sep") + string.Join(T("timeline.join"), parts);
        return new RenderedEntry(Actor(actorRole, viewer), title, sentence);
    }

    public string Actor(string role, TimelineViewer viewer) => role switch
    {
        Platform.Http.Roles.Customer when viewer.IsCustomer => T("actor.you"),
        Platform.Http.Roles.Customer => string.IsNullOrWhiteSpace(viewer.CustomerName) ? T("actor.customer") : T("actor.customer_named", viewer.CustomerName),
        "system" => T("actor.system"),
        _ when viewer.IsCustomer => T("actor.support"),
        _ => Word("actor.", role, T("actor.support")),
    };

    private IEnumerable<string?> Details(string kind, string body, TimelineArgs a, TimelineViewer viewer)
    {
        switch (kind)
        {
            case TimelineKinds.Created:
                yield return a.Category is null ? null : T("timeline.category", Category(a.Category));
                yield return a.Channel is null ? null : T("timeline.channel", Word("channel.", a.Channel, a.Channel));
                if (a.AmountInvolvedMinor is > 0 and var amount) yield return T("timeline.amount_involved", Amount(amount, null));
                yield return body;
                break;
            case TimelineKinds.Assignment:
                yield return string.IsNullOrWhiteSpace(a.AgentName) || viewer.IsCustomer ? T("timeline.assigned") : T("timeline.assigned_to", a.AgentName);
                break;
            case TimelineKinds.StatusChange:
                yield return T("timeline.status", Status(a.From), Status(a.To));
                yield return a.ReasonCode is null ? null : Word("reason.", a.ReasonCode, T("event.unknown"));
                yield return body;
                break;
            case TimelineKinds.Attachment:
                yield return a.FileName;
                break;
            case TimelineKinds.Escalation:
                yield return a.From is not null && a.To is not null && a.From != a.To ? T("timeline.priority", a.From, a.To) : null;
                yield return body;
                break;
            case TimelineKinds.Review:
                yield return a.Decision is null ? null : Word("decision.", a.Decision, T("event.unknown"));
                yield return body;
                break;
            case TimelineKinds.Merge:
                yield return a.Number is null ? null : T(a.MergeSide == "absorbed" ? "timeline.merged_from" : "timeline.merged_into", a.Number);
                break;
            case TimelineKinds.ExternalCase:
                yield return a.Source is null ? null : Word("source.", a.Source, T("source.other"));
                yield return a.Reference;
                yield return a.DueAt is null ? null : T("timeline.due", When(a.DueAt.Value));
                break;
            case TimelineKinds.RegulatoryExtension:
                yield return a.DueAt is null ? null : T("timeline.due", When(a.DueAt.Value));
                yield return body;
                break;
            case TimelineKinds.SlaWarning:
                yield return a.Clock is null ? null : Word("clock.", a.Clock, a.Clock);
                yield return a.DueAt is null ? null : T("timeline.due", When(a.DueAt.Value));
                break;
            case TimelineKinds.SlaBreach:
                yield return a.Clock is null ? null : Word("clock.", a.Clock, a.Clock);
                yield return a.Level is { } level ? T("timeline.escalated_to", Word("level.", level.ToString(CultureInfo.InvariantCulture), T("level.2"))) : null;
                break;
            case TimelineKinds.Survey:
                yield return a.Resolved is { } resolved ? T(resolved ? "timeline.survey_resolved" : "timeline.survey_unresolved") : null;
                yield return a.Attitude is { } att && a.Speed is { } speed ? T("timeline.survey_scores", att, speed) : null;
                yield return body;
                break;
            case TimelineKinds.RemedyProposed or TimelineKinds.RemedyApproved or TimelineKinds.RemedyRejected:
                yield return RemedyType(a.RemedyType) + (a.AmountMinor is { } m ? " " + Amount(m, a.Currency) : "");
                yield return body;
                break;
            case TimelineKinds.RemedyExecuted:
                yield return T("remedy_executed." + (a.RemedyType ?? "goodwill_credit"), Amount(a.AmountMinor ?? 0, a.Currency));
                break;
            case TimelineKinds.RemedyFailed:
                yield return RemedyType(a.RemedyType) + (a.AmountMinor is { } fm ? " " + Amount(fm, a.Currency) : "");
                yield return a.Code is null ? null : T("timeline.failure_code", a.Code);
                break;
            case TimelineKinds.RemedyReversed:
                yield return T("timeline.reversed", Amount(a.AmountMinor ?? 0, a.Currency));
                break;
            case TimelineKinds.ClaimDecision:
                yield return a.Upheld is { } upheld ? T(upheld ? "timeline.claim_upheld" : "timeline.claim_rejected") : null;
                // The investigator's reasoning is written for the file; the customer gets the outcome.
                yield return viewer.IsCustomer ? null : body;
                break;
            case TimelineKinds.Call:
                yield return T("timeline.call", Word("call_direction.", a.CallDirection ?? "inbound", T("call_direction.inbound")),
                    a.MaskedPhone ?? "—", Duration(a.DurationSeconds ?? 0));
                yield return viewer.IsCustomer ? null : body;
                break;
            case TimelineKinds.Message or TimelineKinds.Reply when a.Channel is not null:
                // Arrived (or left) by a channel other than the portal: say which, so nobody asks the customer again.
                yield return T("timeline.channel", Word("channel.", a.Channel, a.Channel));
                yield return body;
                break;
            default: // message, reply, internal_note and anything unknown: the words a person wrote
                yield return body;
                break;
        }
    }

    /// <summary>3:05 or 1:02:05 — a call's length reads as a clock, never as a bare number of seconds.</summary>
    public static string Duration(int seconds) =>
        TimeSpan.FromSeconds(Math.Max(0, seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    public string Status(string? s) => s is null ? "—" : Word("status.", s, s);
    public string Category(string c) => Word("category.", c, c);
    public string RemedyType(string? t) => t is null ? T("remedy_type.unknown") : Word("remedy_type.", t, T("remedy_type.unknown"));
    public static string Amount(long minor, string? currency) => new Money(minor, currency ?? Money.CnyCode).Format();
    public static string When(DateTime utc) => BusinessCalendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private string T(string key, params object[] args) => text[key, args];

    /// <summary>A code as a word; an unknown code falls back rather than showing a resource key.</summary>
    private string Word(string prefix, string code, string fallback)
    {
        var s = text[prefix + code];
        return s.ResourceNotFound ? fallback : s.Value;
    }
}
