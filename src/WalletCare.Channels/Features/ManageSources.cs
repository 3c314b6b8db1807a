using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WalletCare.Channels.Domain;
using WalletCare.Channels.Webhooks;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;

namespace WalletCare.Channels.Features;

public sealed record SourceDto(string Name, string Kind, DateTime CreatedAt, DateTime? RotatedAt, DateTime? PreviousValidUntil);
public sealed record NewSourceRequest(string? Name, string? Kind);
public sealed record RotateRequest(int? OverlapMinutes);
/// <summary>The secret is shown once, in this answer only; lists never carry it.</summary>
public sealed record SourceSecretDto(string Name, string Kind, string Secret, DateTime? PreviousValidUntil);

/// <summary>GET/POST /api/v1/admin/channel-sources, POST /api/v1/admin/channel-sources/{name}/rotate — admin only.</summary>
public static class ManageSources
{
    public static async Task<Ok<List<SourceDto>>> List(ChannelsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Sources.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SourceDto(s.Name, s.Kind, s.CreatedAt, s.RotatedAt, s.PreviousValidUntil)).ToListAsync(ct));

    public static async Task<Created<SourceSecretDto>> Create(NewSourceRequest req, ChannelsDbContext db, TimeProvider time, IAuditLog audit, CurrentUser user,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = req.Name?.Trim().ToLowerInvariant();
        if (name is null || name.Length is < 2 or > 40 || !name.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')) errors["name"] = ["field.invalid"];
        if (req.Kind is null || !SourceKinds.All.Contains(req.Kind)) errors["kind"] = ["field.invalid"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (await db.Sources.AnyAsync(s => s.Name == name, ct)) throw new AppProblem(ChannelErrors.SourceExists);
        var s = new WebhookSource { Name = name!, Kind = req.Kind!, Secret = WebhookSignature.NewSecret(), CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Sources.Add(s);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.UserId.ToString(), "channel.source_created", "source:" + s.Name, new { s.Kind }, ct);
        return TypedResults.Created($"/api/v1/admin/channel-sources/{s.Name}", new SourceSecretDto(s.Name, s.Kind, s.Secret, null));
    }

    /// <summary>The old secret keeps verifying for the overlap (default 24 h, at most 7 days) so the sender can switch without losing events.</summary>
    public static async Task<Ok<SourceSecretDto>> Rotate(string name, RotateRequest? req, ChannelsDbContext db, TimeProvider time, IAuditLog audit,
        CurrentUser user, CancellationToken ct)
    {
        var minutes = req?.OverlapMinutes ?? 24 * 60;
        if (minutes is < 0 or > 7 * 24 * 60) throw AppProblem.Validation("overlapMinutes", "field.invalid");
        var s = await db.Sources.FirstOrDefaultAsync(x => x.Name == name, ct) ?? throw new AppProblem(ChannelErrors.UnknownSource);
        var now = time.GetUtcNow().UtcDateTime;
        s.PreviousSecret = s.Secret;
        s.PreviousValidUntil = now.AddMinutes(minutes);
        s.Secret = WebhookSignature.NewSecret();
        s.RotatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.UserId.ToString(), "channel.source_rotated", "source:" + s.Name, new { minutes }, ct);
        return TypedResults.Ok(new SourceSecretDto(s.Name, s.Kind, s.Secret, s.PreviousValidUntil));
    }
}
