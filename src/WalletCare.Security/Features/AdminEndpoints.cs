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

    private static async Task<Ok<CursorPage<UserListItem>>> ListUsers(AdminQueries queries, string? role, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await queries.UsersAsync(role, limit, cursor, ct));

    private static async Task<Ok<AuditVerification>> VerifyAudit(AdminQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.VerifyAuditAsync(ct));
}
