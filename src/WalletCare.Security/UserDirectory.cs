using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;
using WalletCare.Security.Domain;
using WalletCare.Security.Persistence;
using WalletCare.Platform.Validation;

namespace WalletCare.Security;

internal sealed class UserDirectory(SecurityDbContext db, IPasswordHasher<User> hasher, TimeProvider time) : IUserDirectory
{
    private static UserSummary Map(User u) => new(u.Id, u.DisplayName, u.Role, u.UserName, u.Phone, u.Email, u.Locale, u.Skills);

    public async Task<UserSummary?> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => Map(u)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, UserSummary>> GetManyAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var set = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => set.Contains(u.Id)).Select(u => Map(u)).ToDictionaryAsync(u => u.Id, ct);
    }

    public async Task<UserSummary?> FindByLoginAsync(string login, CancellationToken ct = default)
    {
        var key = Auth.SessionService.NormalizeLogin(login);
        return await db.Users.AsNoTracking().Where(u => u.Phone == key || u.Email == key || u.UserName == key).Select(u => Map(u)).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<UserSummary>> ListByRoleAsync(string role, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.Role == role && u.IsActive).OrderBy(u => u.UserName).Select(u => Map(u)).ToListAsync(ct);

    public async Task<UserSummary> CreateAsync(NewUser n, CancellationToken ct = default)
    {
        if (!Roles.All.Contains(n.Role)) throw AppProblem.Validation("role", "field.invalid");
        Text.Require(n.DisplayName, "displayName", 100);
        if (n.Password.Length < 8) throw AppProblem.Validation("password", "field.password_weak");
        var u = new User
        {
            DisplayName = n.DisplayName, Role = n.Role, UserName = n.UserName?.ToLowerInvariant(), Phone = n.Phone,
            Email = n.Email?.ToLowerInvariant(), Locale = n.Locale, Skills = n.Skills, CreatedAt = time.GetUtcNow().UtcDateTime,
            PasswordHash = "",
        };
        u.PasswordHash = hasher.HashPassword(u, n.Password);
        db.Users.Add(u);
        await db.SaveChangesAsync(ct);
        return Map(u);
    }
}
