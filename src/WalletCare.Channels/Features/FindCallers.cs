using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Privacy;

namespace WalletCare.Channels.Features;

public sealed record CallerDto(Guid Id, string DisplayName, string? PhoneMasked, string? EmailMasked);

/// <summary>GET /api/v1/agent/customers?phone=|email=|q= — who is calling. The number may come in any format (+86 138-0000-0001).</summary>
public static class FindCallers
{
    public static async Task<Ok<List<CallerDto>>> Endpoint(string? phone, string? email, string? q, FindCallersHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(phone, email, q, ct));
}

/// <summary>
/// Looks customers up through the users area's login lookup (phone, e-mail, user name); staff accounts are
/// never returned. A free-text q is tried as a phone number first, then as an e-mail or login.
/// </summary>
public sealed class FindCallersHandler(IUserDirectory users)
{
    public async Task<List<CallerDto>> HandleAsync(string? phone, string? email, string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(q))
            throw AppProblem.Validation("q", "field.required");
        var logins = new List<string>();
        if (Phones.Normalize(phone) is { } p) logins.Add(p);
        else if (!string.IsNullOrWhiteSpace(phone)) throw AppProblem.Validation("phone", "field.invalid");
        if (email is { Length: > 0 and <= 320 }) logins.Add(email.Trim().ToLowerInvariant());
        if (q is { Length: > 0 and <= 320 })
        {
            if (Phones.Normalize(q) is { } qp) logins.Add(qp);
            logins.Add(q.Trim().ToLowerInvariant());
        }
        var found = new Dictionary<Guid, CallerDto>();
        foreach (var login in logins.Distinct())
            if (await users.FindByLoginAsync(login, ct) is { Role: "customer" } u)
                found.TryAdd(u.Id, new CallerDto(u.Id, u.DisplayName, Masking.Phone(u.Phone), Masking.Email(u.Email)));
        return found.Values.ToList();
    }
}
