using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;
using WalletCare.Security.Auth;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

/// <summary>The security area's part of the export: profile, sessions and sign-ins. Secrets (password hash, TOTP secret, token hashes) are not personal data to hand out.</summary>
internal sealed class SecurityPersonalData(SecurityDbContext db) : IPersonalDataSource
{
    public string Area => "account";

    public async Task<object?> ExportAsync(Guid customerId, CancellationToken ct = default)
    {
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == customerId)
            .Select(u => new { u.Id, u.DisplayName, u.Phone, u.Email, u.Locale, u.CreatedAt, TwoFactorEnabled = u.TotpEnabled }).FirstOrDefaultAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == customerId).OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.Kind, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.RevokedAt, s.Ip, s.UserAgent }).ToListAsync(ct);
        var logins = await db.LoginEvents.AsNoTracking().Where(e => e.UserId == customerId).OrderBy(e => e.At)
            .Select(e => new { e.At, e.Success, e.Reason, e.Ip, e.UserAgent, e.NewDevice }).ToListAsync(ct);
        var notices = await db.Outbox.AsNoTracking().Where(m => m.UserId == customerId).OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Channel, m.Kind, m.To, m.Subject, m.CreatedAt, m.SentAt }).ToListAsync(ct);
        return new { profile, sessions, logins, notices };
    }
}

/// <summary>GET /api/v1/me/export: everything stored about the signed-in customer, one JSON document, each area's part under its name.</summary>
public sealed class ExportPersonalDataHandler(IEnumerable<IPersonalDataSource> sources, TimeProvider time, IAuditLog audit)
{
    public async Task<Dictionary<string, object?>> HandleAsync(Guid customerId, CancellationToken ct)
    {
        var export = new Dictionary<string, object?> { ["exportedAt"] = time.GetUtcNow().UtcDateTime };
        foreach (var s in sources.OrderBy(s => s.Area, StringComparer.Ordinal)) export[s.Area] = await s.ExportAsync(customerId, ct);
        await audit.WriteAsync(customerId.ToString(), "privacy.exported", "user:" + customerId, new { areas = export.Keys.Skip(1).ToArray() }, ct);
        return export;
    }

    public static async Task<IResult> Endpoint(ExportPersonalDataHandler handler, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var export = await handler.HandleAsync(user.UserId, ct);
        http.Response.Headers.ContentDisposition = "attachment; filename=\"walletcare-personal-data.json\"";
        return TypedResults.Json(export);
    }
}
