using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Cases.Features;

public sealed record StatusRequest(string? Status, string? Reason, int? Version);

/// <summary>POST /api/v1/agent/tickets/{id}/status — staff move a case; the rules and clock effects are Case.ChangeStatus.</summary>
public static class ChangeStatus
{
    public static async Task<NoContent> Endpoint(Guid id, StatusRequest req, ChangeStatusHandler handler, CurrentUser user, CancellationToken ct)
    {
        await handler.HandleAsync(user, id, req.Status, req.Reason, req.Version, ct);
        return TypedResults.NoContent();
    }
}

public sealed class ChangeStatusHandler(CaseStore store)
{
    /// <param name="version">The version the agent saw; a stale one is a conflict (two agents on one case).</param>
    public async Task HandleAsync(CurrentUser user, Guid caseId, string? status, string? reason, int? version, CancellationToken ct)
    {
        var c = await store.GetForStaffAsync(user, caseId, ct);
        if (version is { } v && v != c.Version) throw new AppProblem(ErrorCodes.ConcurrencyConflict);
        if (status is null || !CaseStatus.All.Contains(status)) throw AppProblem.Validation("status", "field.invalid");
        var text = Text.Optional(reason, "reason", CaseStore.ReasonMax, multiline: true);
        await store.ChangeStatusAsync(c, status, Actor.Of(user), ct, text);
        await store.SaveAsync(c, ct);
    }
}
