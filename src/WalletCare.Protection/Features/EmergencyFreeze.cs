using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Outbox;
using WalletCare.Protection.Domain;

namespace WalletCare.Protection.Features;

public sealed record EmergencyCodeRequest(string? Phone);
public sealed record EmergencyCodeResponse(string Status);
public sealed record EmergencyFreezeRequest(string? Phone, string? Code);
public sealed record EmergencyFreezeResponse(string CaseNumber);

/// <summary>
/// Freezing with no session, for a lost phone: phone number → SMS code → freeze. The code request does the
/// same work whether or not the number is a customer's (hash, throttle count, insert a row) and answers the
/// same 202, so it cannot be used to find out who has a wallet; only a real customer's row gets an SMS.
/// </summary>
public sealed class EmergencyFreezeHandler(ProtectionDbContext db, IUserDirectory users, AccountProtection protection, IAuditLog audit,
    IOptions<ProtectionOptions> options, TimeProvider time)
{
    private ProtectionOptions O => options.Value;

    internal static async Task<Accepted<EmergencyCodeResponse>> CodeEndpoint(EmergencyCodeRequest? req, EmergencyFreezeHandler handler, HttpContext http, CancellationToken ct)
    {
        await handler.RequestCodeAsync(req?.Phone, http.Connection.RemoteIpAddress?.ToString(), ct);
        return TypedResults.Accepted((string?)null, new EmergencyCodeResponse("sent_if_registered"));
    }

    internal static async Task<Ok<EmergencyFreezeResponse>> FreezeEndpoint(EmergencyFreezeRequest? req, EmergencyFreezeHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.FreezeAsync(req?.Phone, req?.Code, ct));

    public async Task RequestCodeAsync(string? rawPhone, string? clientAddress, CancellationToken ct = default)
    {
        clientAddress ??= "unknown"; // no address (in-process host): one shared bucket rather than no limit
        var phone = Secrets.NormalisePhone(rawPhone);
        var phoneHash = Secrets.Hash("phone", phone);
        var now = time.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        var perPhone = await db.PhoneCodes.CountAsync(c => c.PhoneHash == phoneHash && c.CreatedAt > hourAgo, ct);
        var perAddress = await db.PhoneCodes.CountAsync(c => c.ClientAddress == clientAddress && c.CreatedAt > hourAgo, ct);
        if (perPhone >= O.CodeRequestsPerPhonePerHour || perAddress >= O.CodeRequestsPerAddressPerHour)
        {
            await audit.WriteAsync("anonymous", "protection.freeze_code_throttled", "phone:" + phoneHash[..16], new { address = clientAddress }, ct);
            throw new AppProblem(ErrorCodes.TooManyRequests) { Extensions = new Dictionary<string, object?> { ["retryAfterSeconds"] = 3600 } };
        }

        var user = await users.FindByLoginAsync(phone, ct);
        var customer = user is { Role: Roles.Customer, Phone: not null } ? user : null;
        var code = Secrets.NewCode();
        var row = new PhoneCode
        {
            Purpose = CodePurposes.EmergencyFreeze, PhoneHash = phoneHash, UserId = customer?.Id, ClientAddress = clientAddress,
            CreatedAt = now, ExpiresAt = now.AddMinutes(O.CodeMinutes), CodeHash = "",
        };
        row.CodeHash = Secrets.Hash(row.Id, code);
        db.PhoneCodes.Add(row);
        // Known or not, the request writes the same two rows, so neither the answer nor its timing tells whether the
        // number is registered: a message for a customer, or a record of a message not sent (state skipped, no code).
        var message = customer is not null
            ? OutboxMessage.Create(OutboxChannels.Sms, "verification_code", now, customer.Id, phone, "", Texts.Get("sms.freeze_code", customer.Locale, code, O.CodeMinutes))
            : OutboxMessage.Create(OutboxChannels.Sms, "verification_code", now, null, null, "", Texts.Get("sms.freeze_code", "zh-CN", "------", O.CodeMinutes));
        if (customer is null)
        {
            message.State = "skipped";
            message.SentAt = now;
        }
        db.Outbox.Add(message);
        // Always one explicit transaction (writes only, so SQLite never has to upgrade a stale read): a save of one
        // row alone would skip it (EF) and answer measurably faster for unknown numbers than the row + SMS of a known one.
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await dbtx.CommitAsync(ct);
        }
        // The same entry for every number, so the audit log's timing and content do not tell them apart either.
        await audit.WriteAsync("anonymous", "protection.freeze_code_requested", "phone:" + phoneHash[..16], new { address = clientAddress }, ct);
    }

    public async Task<EmergencyFreezeResponse> FreezeAsync(string? rawPhone, string? code, CancellationToken ct = default)
    {
        var phone = Secrets.NormalisePhone(rawPhone);
        if (string.IsNullOrWhiteSpace(code) || code.Length > 12) throw AppProblem.Validation("code", "field.required");
        var phoneHash = Secrets.Hash("phone", phone);
        var now = time.GetUtcNow().UtcDateTime;
        // Only the newest code counts: an older one left unused cannot be guessed at alongside it.
        var row = await db.PhoneCodes.AsNoTracking().Where(c => c.PhoneHash == phoneHash && c.Purpose == CodePurposes.EmergencyFreeze)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (row is null || row.UserId is null || row.UsedAt is not null || row.ExpiresAt <= now || row.Attempts >= O.CodeAttempts)
            throw new AppProblem(ProtectionErrors.InvalidCode);
        if (!Secrets.Matches(row.CodeHash, row.Id, code.Trim()))
        {
            await db.PhoneCodes.Where(c => c.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), ct);
            await audit.WriteAsync("anonymous", "protection.freeze_code_wrong", "customer:" + row.UserId, null, ct);
            throw new AppProblem(ProtectionErrors.InvalidCode);
        }
        // Single use even when two requests race with the same code: only one update finds it unused.
        var claimed = await db.PhoneCodes.Where(c => c.Id == row.Id && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (claimed == 0) throw new AppProblem(ProtectionErrors.InvalidCode);
        var outcome = await protection.FreezeAsync(row.UserId.Value, FreezeSources.PhoneCode, null, row.UserId, ct);
        return new EmergencyFreezeResponse(outcome.CaseNumber);
    }
}
