using WalletCare.Platform.Http;
using WalletCare.Platform.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Paging;
using WalletCare.Platform.Persistence;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

public sealed record UserListItem(Guid Id, string DisplayName, string Role, string? UserName, string? PhoneMasked, string? EmailMasked, DateTime CreatedAt);

public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/users", ListUsers).RequireAuthorization(Policies.Admin).WithTags("Admin");
        app.MapGet("/api/v1/admin/audit/verify", VerifyAudit).RequireAuthorization(Policies.Compliance).WithTags("Admin");
    }

    private static async Task<Ok<CursorPage<UserListItem>>> ListUsers(SecurityDbContext db, string? role, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var q = db.Users.AsNoTracking().AsQueryable();
        if (!string.IsNullOrEmpty(role)) q = q.Where(u => u.Role == role);
        if (Cursor.TryDecode(cursor, out string _, out var afterId) && Guid.TryParse(afterId, out var after))
            q = q.Where(u => u.Id.CompareTo(after) > 0);
        var rows = await q.OrderBy(u => u.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(u => new UserListItem(u.Id, u.DisplayName, u.Role, u.UserName, Masking.Phone(u.Phone), Masking.Email(u.Email), u.CreatedAt)).ToList();
        var next = rows.Count > take ? Cursor.Encode("id", items[^1].Id.ToString()) : null;
        return TypedResults.Ok(new CursorPage<UserListItem>(items, next));
    }

    private static async Task<Ok<AuditVerification>> VerifyAudit(PlatformDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuditLog.VerifyAsync(db, ct));
}
