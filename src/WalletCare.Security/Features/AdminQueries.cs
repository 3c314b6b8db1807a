using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Paging;
using WalletCare.Platform.Persistence;
using WalletCare.Platform.Privacy;
using WalletCare.Security.Persistence;

namespace WalletCare.Security.Features;

/// <summary>Read side of the admin screens, shared by the API and the console pages (pages never hold a DbContext).</summary>
public sealed class AdminQueries(SecurityDbContext db, PlatformDbContext platform, AuditLog log)
{
    /// <summary>Users by id (keyset), phone and e-mail masked: the admin manages accounts, not contact data.</summary>
    public async Task<CursorPage<UserListItem>> UsersAsync(string? role, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var q = db.Users.AsNoTracking().AsQueryable();
        if (!string.IsNullOrEmpty(role)) q = q.Where(u => u.Role == role);
        if (Cursor.TryDecode(cursor, out string _, out var afterId) && Guid.TryParse(afterId, out var after))
            q = q.Where(u => u.Id.CompareTo(after) > 0);
        var rows = await q.OrderBy(u => u.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(u => new UserListItem(u.Id, u.DisplayName, u.Role, u.UserName, Masking.Phone(u.Phone), Masking.Email(u.Email), u.CreatedAt)).ToList();
        var next = rows.Count > take ? Cursor.Encode("id", items[^1].Id.ToString()) : null;
        return new CursorPage<UserListItem>(items, next);
    }

    /// <summary>Links lines still pending (committed with their changes moments ago), then walks the chain.</summary>
    public async Task<AuditVerification> VerifyAuditAsync(CancellationToken ct)
    {
        await log.ChainPendingAsync(ct);
        return await AuditLog.VerifyAsync(platform, ct);
    }
}
