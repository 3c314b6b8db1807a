using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Http;
using WalletCare.Security.Auth;

namespace WalletCare.Security.Features;

public sealed record TwoFactorCodeRequest(string? Code);
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// POST /api/v1/security/2fa/setup → {secret, otpauthUri, qrSvg}; /enable {code} → ten recovery codes shown once;
/// /disable {code}. Three small steps of one use case (turning the second factor on or off), kept together.
/// </summary>
public static class TwoFactorEnrolment
{
    public static async Task<Ok<TwoFactorSetup>> Setup(TwoFactor twoFactor, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await twoFactor.SetupAsync(user.UserId, ct));

    public static async Task<Ok<RecoveryCodesResponse>> Enable(TwoFactorCodeRequest req, TwoFactor twoFactor, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new RecoveryCodesResponse(await twoFactor.EnableAsync(user.UserId, req.Code, ct)));

    public static async Task<NoContent> Disable(TwoFactorCodeRequest req, TwoFactor twoFactor, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        await twoFactor.DisableAsync(user.UserId, req.Code, ClientInfoOf.Http(http).Ip, ct);
        return TypedResults.NoContent();
    }
}
