using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Outbox;
using WalletCare.Protection.Domain;

namespace WalletCare.Protection.StepUp;

/// <summary>The step-up answer a web form collected, for this request only.</summary>
internal sealed class StepUpProof : IStepUpProof
{
    public string? Value { get; set; }
}

/// <summary>
/// Asks for a second factor before risky money leaves: a single withdrawal or transfer at or above the
/// threshold, or one taking today's outgoing total over the daily one. The first request answers 428 with a
/// challenge (an SMS code through the outbox unless the customer has two-step verification); the client repeats
/// the same request with "X-Step-Up: challengeId:code". A challenge fits one customer, operation and amount and
/// is used once. Only customer requests are gated: in-process callers with no request (jobs) are the system.
/// </summary>
internal sealed class StepUpGate(ProtectionDbContext db, IHttpContextAccessor http, IStepUpProof proof, IWalletForensics wallet,
    ISecondFactor secondFactor, IUserDirectory users, IAuditLog audit, IOptions<ProtectionOptions> options, TimeProvider time) : IStepUpGate
{
    public const string Header = "X-Step-Up";

    public async Task RequireAsync(Guid customerId, string operation, long amountMinor, CancellationToken ct = default)
    {
        if (http.HttpContext is not { } request) return;
        var o = options.Value;
        var risky = amountMinor >= o.StepUp.SingleMinor
            || await wallet.OutgoingTodayMinorAsync(customerId, ct) + amountMinor > o.StepUp.DailyMinor;
        if (!risky) return;
        var answer = proof.Value ?? request.Request.Headers[Header].ToString();
        if (!string.IsNullOrWhiteSpace(answer))
        {
            await VerifyAsync(customerId, operation, amountMinor, answer, ct);
            return;
        }
        await ChallengeAsync(customerId, operation, amountMinor, ct);
    }

    private async Task ChallengeAsync(Guid customerId, string operation, long amountMinor, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var totp = await secondFactor.IsEnabledAsync(customerId, ct);
        var challenge = new StepUpChallenge
        {
            CustomerId = customerId, Operation = operation, AmountMinor = amountMinor, CreatedAt = now, ExpiresAt = now.AddMinutes(o.CodeMinutes),
        };
        if (!totp)
        {
            var user = await users.GetAsync(customerId, ct);
            var code = Secrets.NewCode();
            challenge.CodeHash = Secrets.Hash(challenge.Id, code);
            if (user?.Phone is { } phone)
                db.Outbox.Add(OutboxMessage.Create(OutboxChannels.Sms, "verification_code", now, customerId, phone, "",
                    Texts.Get("sms.step_up_code", user.Locale, Texts.Get("op." + operation, user.Locale),
                        WalletCare.Platform.Money.Money.Cny(amountMinor).Format(), code, o.CodeMinutes)));
        }
        db.StepUps.Add(challenge);
        await db.SaveChangesAsync(ct);
        throw new AppProblem(ProtectionErrors.StepUpRequired)
        {
            Extensions = new Dictionary<string, object?> { ["challengeId"] = challenge.Id, ["method"] = totp ? "totp" : "sms" },
        };
    }

    private async Task VerifyAsync(Guid customerId, string operation, long amountMinor, string answer, CancellationToken ct)
    {
        var parts = answer.Trim().Split(':', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || parts[1].Length is 0 or > 40)
            throw new AppProblem(ProtectionErrors.StepUpInvalid);
        var now = time.GetUtcNow().UtcDateTime;
        var c = await db.StepUps.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.CustomerId == customerId, ct);
        if (c is null || c.Operation != operation || c.AmountMinor != amountMinor || c.UsedAt is not null || c.ExpiresAt <= now
            || c.Attempts >= options.Value.CodeAttempts)
            throw new AppProblem(ProtectionErrors.StepUpInvalid);
        var code = parts[1].Trim();
        var ok = c.CodeHash is null ? await secondFactor.VerifyAsync(customerId, code, ct) : Secrets.Matches(c.CodeHash, c.Id, code);
        if (!ok)
        {
            await db.StepUps.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, x => x.Attempts + 1), ct);
            throw new AppProblem(ProtectionErrors.StepUpInvalid);
        }
        // Used once, even by two copies of the retry racing each other.
        if (await db.StepUps.Where(x => x.Id == id && x.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedAt, now), ct) == 0)
            throw new AppProblem(ProtectionErrors.StepUpInvalid);
        await audit.WriteAsync(customerId.ToString(), "protection.step_up_passed", "customer:" + customerId,
            new { challenge = id, operation, amountMinor, method = c.CodeHash is null ? "totp" : "sms" }, ct);
    }
}
