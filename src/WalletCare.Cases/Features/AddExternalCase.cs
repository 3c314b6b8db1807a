using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Cases.Features;

public sealed record ExternalCaseRequest(string? Source, string? Reference, DateTime? ReceivedAt, DateTime? DueAt);

/// <summary>POST /api/v1/agent/tickets/{id}/external-cases — a regulator or platform referral; its deadline can only shorten ours.</summary>
public static class AddExternalCase
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(731);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static readonly string[] Sources = ["12315", "pboc", "nfra", "consumer_association", "heimao", "jutousu", "court", "other"];

    public static async Task<NoContent> Endpoint(Guid id, ExternalCaseRequest req, CaseStore store, CurrentUser user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (req.Source is null || !Sources.Contains(req.Source)) errors["source"] = ["field.invalid"];
        Text.Check(errors, "reference", req.Reference, 100);
        var now = store.Now;
        var received = Utc(req.ReceivedAt);
        var due = Utc(req.DueAt);
        // A referral is real only inside a sane window: year 1 or 9999 would move the regulatory deadline
        // to nonsense (and overflow date arithmetic); a deadline before the referral arrived cannot be met.
        if (received is { } r && (r < now - Window || r > now + ClockSkew)) errors["receivedAt"] = ["field.date_out_of_range"];
        var from = errors.ContainsKey("receivedAt") ? now : received ?? now;
        if (due is null) errors["dueAt"] = ["field.required"];
        else if (due <= from || due > from + Window) errors["dueAt"] = ["field.date_out_of_range"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var c = await store.GetForStaffAsync(user, id, ct);
        await ApplyAsync(store, c, Actor.Of(user), req.Source!, req.Reference!, received, due, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Also used by channels (a webhook from a platform or regulator): the external deadline only ever tightens ours.</summary>
    public static async Task ApplyAsync(CaseStore store, Domain.Case c, Actor actor, string source, string reference, DateTime? received, DateTime? due,
        CancellationToken ct)
    {
        c.ExternalSource = source;
        c.ExternalReference = reference.Trim();
        c.ExternalDueAt = due ?? c.ExternalDueAt;
        if (c.ExternalDueAt < c.RegulatoryDueAt) c.RegulatoryDueAt = c.ExternalDueAt.Value;
        store.Add(c.Record(actor, TimelineKinds.ExternalCase, false, store.Now,
            new TimelineArgs { Source = source, Reference = c.ExternalReference, ReceivedAt = received, DueAt = c.ExternalDueAt }));
        c.Version++;
        await store.Db.SaveChangesAsync(ct);
    }

    /// <summary>A time without a zone is taken as UTC, as the API documents; never a server-local conversion.</summary>
    private static DateTime? Utc(DateTime? t) => t switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } u => u,
        { Kind: DateTimeKind.Local } l => l.ToUniversalTime(),
        { } u => DateTime.SpecifyKind(u, DateTimeKind.Utc),
    };
}
