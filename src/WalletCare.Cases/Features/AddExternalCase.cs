using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Cases.Features;

public sealed record ExternalCaseRequest(string? Source, string? Reference, DateTime? ReceivedAt, DateTime? DueAt);

/// <summary>POST /api/v1/agent/tickets/{id}/external-cases — a regulator or platform referral; its deadline can only shorten ours.</summary>
public static class AddExternalCase
{
    public static readonly string[] Sources = ["12315", "pboc", "nfra", "consumer_association", "heimao", "jutousu", "court", "other"];

    public static async Task<NoContent> Endpoint(Guid id, ExternalCaseRequest req, CaseStore store, CurrentUser user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (req.Source is null || !Sources.Contains(req.Source)) errors["source"] = ["field.invalid"];
        if (string.IsNullOrWhiteSpace(req.Reference) || req.Reference.Length > 100) errors["reference"] = ["field.required"];
        if (req.DueAt is null) errors["dueAt"] = ["field.required"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var c = await store.GetForStaffAsync(user, id, ct);
        c.ExternalSource = req.Source;
        c.ExternalReference = req.Reference!.Trim();
        c.ExternalDueAt = req.DueAt!.Value.ToUniversalTime();
        if (c.ExternalDueAt < c.RegulatoryDueAt) c.RegulatoryDueAt = c.ExternalDueAt.Value;
        store.Add(c.Record(Actor.Of(user), TimelineKinds.ExternalCase, false, store.Now,
            new TimelineArgs { Source = req.Source, Reference = c.ExternalReference, ReceivedAt = req.ReceivedAt, DueAt = c.ExternalDueAt }));
        c.Version++;
        await store.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
