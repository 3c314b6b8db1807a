using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Cases.Features;

/// <summary>POST /api/v1/complaints/{id}/cancel — the customer withdraws the complaint (closes it).</summary>
public static class Cancel
{
    public static async Task<Ok<ComplaintDto>> Endpoint(Guid id, ReasonRequest req, CancelHandler handler, CasesQueries queries, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await queries.ReadAsync(await handler.HandleAsync(user, id, req.Reason, ct), false, ct));
}

public sealed class CancelHandler(CaseStore store)
{
    public async Task<Case> HandleAsync(CurrentUser user, Guid caseId, string? reason, CancellationToken ct)
    {
        var c = await store.GetForCustomerAsync(user.UserId, caseId, ct);
        var typed = Text.Optional(reason, "reason", CaseStore.ReasonMax, multiline: true);
        await store.ChangeStatusAsync(c, CaseStatus.Closed, new Actor(user.UserId, Roles.Customer), ct, typed, typed is null ? "cancelled_by_customer" : null);
        await store.SaveAsync(c, ct);
        return c;
    }
}
