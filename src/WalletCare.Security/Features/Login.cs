using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Security.Auth;

namespace WalletCare.Security.Features;

public sealed record LoginRequest(string? Login, string? Password);
/// <summary>Either a session (AccessToken, ExpiresAt) or, with 2FA on, <c>twoFactorRequired</c> and the challenge to answer.</summary>
public sealed record LoginResponse(string? AccessToken, DateTime? ExpiresAt, string? Role, string? DisplayName, bool TwoFactorRequired = false, Guid? ChallengeId = null);

/// <summary>POST /api/v1/auth/login: password step (SPEC §5).</summary>
public static class Login
{
    public static async Task<Ok<LoginResponse>> Endpoint(LoginRequest req, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var r = await sessions.LoginAsync(req.Login ?? "", req.Password ?? "", "bearer", ClientInfoOf.Http(http), ct);
        return TypedResults.Ok(Answer(r));
    }

    internal static LoginResponse Answer(LoginResult r) => r.TwoFactorRequired
        ? new LoginResponse(null, null, null, null, true, r.ChallengeId)
        : new LoginResponse(r.Token, r.Session!.ExpiresAt, r.User.Role, r.User.DisplayName);
}

public sealed record TwoFactorLoginRequest(Guid? ChallengeId, string? Code);

/// <summary>POST /api/v1/auth/login/2fa: the TOTP or recovery code that finishes a sign-in.</summary>
public static class TwoFactorLogin
{
    public static async Task<Ok<LoginResponse>> Endpoint(TwoFactorLoginRequest req, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        if (req.ChallengeId is not { } id) throw Platform.Errors.AppProblem.Validation("challengeId", "field.required");
        var r = await sessions.CompleteTwoFactorAsync(id, req.Code, ClientInfoOf.Http(http), ct);
        return TypedResults.Ok(Login.Answer(r));
    }
}

public static class ClientInfoOf
{
    public static ClientInfo Http(HttpContext http) =>
        new(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
}
