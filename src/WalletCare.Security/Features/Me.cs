using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Privacy;
using WalletCare.Security.Auth;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

public sealed record MeResponse(Guid Id, string DisplayName, string Role, string? UserName, string? PhoneMasked, string? EmailMasked, string Locale);

/// <summary>GET /api/v1/me and POST /api/v1/auth/logout: who is signed in, and ending this session.</summary>
public static class Me
{
    public static async Task<Ok<MeResponse>> Endpoint(CurrentUser user, SecurityDbContext db, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == user.UserId, ct) ?? throw AppProblem.NotFound();
        return TypedResults.Ok(new MeResponse(u.Id, u.DisplayName, u.Role, u.UserName, Masking.Phone(u.Phone), Masking.Email(u.Email), u.Locale));
    }

    public static async Task<NoContent> Logout(SessionService sessions, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (user.SessionId is { } sid) await sessions.RevokeAsync(sid, user.UserId, ct);
        http.Response.Cookies.Delete(SessionAuthenticationHandler.CookieName);
        return TypedResults.NoContent();
    }
}
