using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;
using WalletCare.Platform.Validation;

namespace WalletCare.Protection.Features;

public sealed record FreezeRequest(string? Reason);
public sealed record FreezeResponse(Guid CaseId, string CaseNumber, bool Frozen, bool AlreadyFrozen);

/// <summary>POST /api/v1/security/freeze: the signed-in customer's 一键冻结. Always allowed; ends this session too.</summary>
public sealed class FreezeHandler(AccountProtection protection)
{
    internal static async Task<Ok<FreezeResponse>> Endpoint(FreezeRequest? req, FreezeHandler handler, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(user.UserId, req?.Reason, ct));

    public async Task<FreezeResponse> HandleAsync(Guid customerId, string? reason, CancellationToken ct = default)
    {
        var text = Text.Optional(reason, "reason", 1000, multiline: true);
        var o = await protection.FreezeAsync(customerId, FreezeSources.SecurityPage, text, customerId, ct);
        return new FreezeResponse(o.CaseId, o.CaseNumber, true, o.AlreadyFrozen);
    }
}
