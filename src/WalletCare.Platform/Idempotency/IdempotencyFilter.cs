using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Persistence;

namespace WalletCare.Platform.Idempotency;

public sealed class IdempotencyRecord
{
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public string State { get; set; } = "pending";
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// HTTP-level Idempotency-Key: the same key and body replay the first response; the same key
/// with another body is 409. Money-moving handlers also store the key on their own rows in the
/// same transaction as the posting, so a crash between posting and storing the response here
/// can never post twice: a stale "pending" record is simply run again and the handler finds its row.
/// </summary>
public static class IdempotencyExtensions
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan StalePending = TimeSpan.FromMinutes(1);

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder, bool required = true) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (string.IsNullOrWhiteSpace(key))
            {
                if (required) throw new AppProblem(ErrorCodes.IdempotencyKeyRequired);
                return await next(ctx);
            }
            if (key.Length > 200) throw AppProblem.Validation(Header, "field.invalid");

            http.Request.EnableBuffering();
            http.Request.Body.Position = 0;
            using var ms = new MemoryStream();
            await http.Request.Body.CopyToAsync(ms, http.RequestAborted);
            http.Request.Body.Position = 0;
            var hash = Convert.ToHexStringLower(SHA256.HashData(
                [.. Encoding.UTF8.GetBytes(http.Request.Method + " " + http.Request.Path + "\n"), .. ms.ToArray()]));

            var user = http.RequestServices.GetRequiredService<CurrentUser>();
            var scope = user.UserIdOrNull?.ToString() ?? "anonymous";
            var db = http.RequestServices.GetRequiredService<PlatformDbContext>();
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, http.RequestAborted);
            if (existing is not null)
            {
                if (existing.RequestHash != hash) throw new AppProblem(ErrorCodes.IdempotencyKeyReused);
                if (existing.State == "done")
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    return Results.Text(existing.ResponseBody ?? "", existing.ContentType, Encoding.UTF8, existing.StatusCode);
                }
                if (now - existing.CreatedAt < StalePending) throw new AppProblem(ErrorCodes.IdempotencyInProgress);
                await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteDeleteAsync(http.RequestAborted);
            }

            try
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = hash, CreatedAt = now });
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw new AppProblem(ErrorCodes.IdempotencyInProgress); // a concurrent twin got there first
            }

            object? result;
            try
            {
                result = await next(ctx);
            }
            catch
            {
                // Failed before producing a response (validation, problem): the key may be used again.
                await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
                throw;
            }

            if (result is not IResult ir) return result;
            var original = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await ir.ExecuteAsync(http);
            }
            finally
            {
                http.Response.Body = original;
            }
            var body = Encoding.UTF8.GetString(buffer.ToArray());
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, "done")
                .SetProperty(r => r.StatusCode, http.Response.StatusCode)
                .SetProperty(r => r.ContentType, http.Response.ContentType)
                .SetProperty(r => r.ResponseBody, body), CancellationToken.None);
            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
            return Results.Empty;
        });
}

/// <summary>
/// Minimal APIs bind the body before endpoint filters run, so requests that carry an
/// Idempotency-Key are buffered up front; the filter then rewinds and hashes the exact bytes.
/// </summary>
public sealed class IdempotencyBuffering(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Headers.ContainsKey(IdempotencyExtensions.Header)) http.Request.EnableBuffering();
        return next(http);
    }
}
