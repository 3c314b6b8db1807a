using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Protection.Features;

public sealed record UnfreezeRequestBody(string? Code);
public sealed record UnfreezeResponse(bool Frozen);

/// <summary>
/// POST /api/v1/security/unfreeze {code}: the customer lifts their own freeze with a two-step code (TOTP or
/// recovery). Without two-step verification there is no self-service path: the staff document check applies.
/// </summary>
public sealed class UnfreezeHandler(AccountProtection protection, ISecondFactor secondFactor, IWalletQueries wallets)
{
    internal static async Task<Ok<UnfreezeResponse>> Endpoint(UnfreezeRequestBody? req, UnfreezeHandler handler, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(user.UserId, req?.Code, ct));

    public async Task<bool> IsFrozenAsync(Guid customerId, CancellationToken ct = default) =>
        (await wallets.GetWalletAsync(customerId, ct))?.Status == "frozen";

    public Task<bool> CanSelfServeAsync(Guid customerId, CancellationToken ct = default) => secondFactor.IsEnabledAsync(customerId, ct);

    public async Task<UnfreezeResponse> HandleAsync(Guid customerId, string? code, CancellationToken ct = default)
    {
        if (!await IsFrozenAsync(customerId, ct)) throw new AppProblem(ProtectionErrors.NotFrozen);
        if (!await secondFactor.IsEnabledAsync(customerId, ct)) throw new AppProblem(ProtectionErrors.VerificationRequired);
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40) throw AppProblem.Validation("code", "field.required");
        if (!await secondFactor.VerifyAsync(customerId, code.Trim(), ct)) throw new AppProblem(ProtectionErrors.InvalidCode);
        await protection.UnfreezeAsync(customerId, "second_factor", customerId, ct);
        return new UnfreezeResponse(false);
    }
}

/// <summary>Until the security area provides two-step verification, nobody has it: self-service unfreeze and TOTP step-up are refused, never granted.</summary>
internal sealed class NoSecondFactor : ISecondFactor
{
    public Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct = default) => Task.FromResult(false);
    public Task<bool> VerifyAsync(Guid userId, string code, CancellationToken ct = default) => Task.FromResult(false);
}
