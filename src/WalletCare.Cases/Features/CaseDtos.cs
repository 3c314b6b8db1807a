using System.Text.Json;
using WalletCare.Cases.Domain;
using WalletCare.Cases.Timeline;

namespace WalletCare.Cases.Features;

/// <summary>
/// A timeline entry for display. <see cref="Actor"/>, <see cref="Title"/> and <see cref="Text"/> come from the
/// TimelineRenderer for the viewer; the customer's view carries no ids (ActorId and Data are null).
/// </summary>
public sealed record TimelineItemDto(long Id, DateTime At, string Kind, string ActorRole, Guid? ActorId, bool Public, string Body, JsonElement? Data,
    string Actor, string Title, string Text);
public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAt);
public sealed record ClockDto(string Kind, string State, DateTime DueAt, DateTime? WarnedAt, DateTime? BreachedAt);

public sealed record ComplaintDto(
    Guid Id, string Number, string Status, string Priority, string Category, string Channel, string Subject, string Description,
    string? DesiredOutcome, IReadOnlyList<Guid> TransactionIds, long AmountInvolvedMinor, DateTime ReceivedAt, DateTime UpdatedAt,
    DateTime? FirstResponseDueAt, DateTime? ResolutionDueAt, DateTime RegulatoryDueAt, bool RegulatoryExtended,
    string? ReviewState, bool CanReopen, bool CanRate, IReadOnlyList<TimelineItemDto>? Timeline, IReadOnlyList<AttachmentDto>? Attachments,
    int Version);

public sealed record ComplaintListItem(Guid Id, string Number, string Status, string Priority, string Category, string Subject, DateTime ReceivedAt, DateTime UpdatedAt);

public static class CaseMapping
{
    public static TimelineItemDto Map(CaseEvent e, TimelineRenderer renderer, TimelineViewer viewer)
    {
        var r = renderer.Render(e, viewer);
        var data = viewer.IsCustomer || e.DataJson is null ? (JsonElement?)null : JsonDocument.Parse(e.DataJson).RootElement.Clone();
        return new(e.Id, e.At, e.Kind, e.ActorRole, viewer.IsCustomer ? null : e.ActorId, e.Public, e.Body, data, r.Actor, r.Title, r.Text);
    }

    public static AttachmentDto Map(CaseAttachment a) => new(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt);

    public static ComplaintDto Map(Case c, IReadOnlyList<SlaClock> clocks, IReadOnlyList<Guid> txIds, IReadOnlyList<TimelineItemDto>? timeline,
        IReadOnlyList<CaseAttachment>? attachments, DateTime now, bool hasSurvey)
    {
        DateTime? Due(string kind) => clocks.FirstOrDefault(x => x.Kind == kind && x.State != "stopped")?.DueAt;
        return new ComplaintDto(c.Id, c.Number, c.Status, c.Priority, c.Category, c.Channel, c.Subject, c.Description, c.DesiredOutcome,
            txIds, c.AmountInvolvedMinor, c.ReceivedAt, c.UpdatedAt,
            c.FirstResponseAt is null ? Due(ClockKind.FirstResponse) : Due(ClockKind.NextResponse),
            Due(ClockKind.Resolution), c.RegulatoryDueAt, c.RegulatoryExtended, c.ReviewState,
            c.CanReopenAt(now),
            c.Status is CaseStatus.Resolved or CaseStatus.Closed && !hasSurvey,
            timeline, attachments?.Select(Map).ToList(), c.Version);
    }
}

public sealed record BodyRequest(string? Body);
public sealed record ReasonRequest(string? Reason);
