using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies;

public sealed record ProposeRemedy(string? Type, long AmountMinor, Guid? TransactionId, string? Reason);

public static class RemedyErrors
{
    public const string SelfApproval = "SELF_APPROVAL_FORBIDDEN";
    public const string AlreadyDecided = "APPROVAL_ALREADY_DECIDED";
    public const string OverMaximum = "REMEDY_OVER_MAXIMUM";
    public const string CaseClosed = "CASE_NOT_OPEN_FOR_REMEDY";
}

/// <summary>Propose → (auto-)approve or approve/reject by another supervisor → post to the ledger once.</summary>
public sealed class RemedyService(
    RemediesDbContext db, ICaseDirectory cases, IWalletRemedies wallet, IWalletQueries walletQueries,
    RemedyLimits limits, CurrentUser user, IAuditLog audit, TimeProvider time)
{
    private static readonly string[] Types = [RemedyKinds.Refund, RemedyKinds.ProvisionalCredit, RemedyKinds.FeeReversal, RemedyKinds.GoodwillCredit];

    public async Task<Remedy> ProposeAsync(Guid caseId, ProposeRemedy req, string? idempotencyKey, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(idempotencyKey)
            && await db.Remedies.AsNoTracking().FirstOrDefaultAsync(r => r.ProposedBy == user.UserId && r.IdempotencyKey == idempotencyKey, ct) is { } earlier)
            return earlier;
        var errors = new Dictionary<string, string[]>();
        if (req.Type is null || !Types.Contains(req.Type)) errors["type"] = ["field.invalid"];
        if (req.AmountMinor <= 0) errors["amountMinor"] = ["field.amount_positive"];
        if (string.IsNullOrWhiteSpace(req.Reason) || req.Reason.Length > 2000) errors["reason"] = ["field.required"];
        if (req.Type is RemedyKinds.Refund or RemedyKinds.FeeReversal && req.TransactionId is null) errors["transactionId"] = ["field.required"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (req.AmountMinor > limits.MaxRemedyMinor) throw new AppProblem(RemedyErrors.OverMaximum, 422);

        var c = await cases.GetAsync(caseId, ct) ?? throw AppProblem.NotFound();
        if (c.Status is "closed") throw new AppProblem(RemedyErrors.CaseClosed, 409);
        if (req.TransactionId is { } txId)
        {
            var tx = await walletQueries.GetTransactionsAsync(c.CustomerId, [txId], ct);
            if (tx.Count == 0) throw AppProblem.Validation("transactionId", "field.invalid");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var remedy = new Remedy
        {
            CaseId = c.Id, CaseNumber = c.Number, CustomerId = c.CustomerId, Type = req.Type!, AmountMinor = req.AmountMinor,
            TransactionId = req.TransactionId, Reason = req.Reason!.Trim(), ProposedBy = user.UserId, ProposedByRole = user.Role,
            ProposedAt = now, IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
        };
        var auto = req.AmountMinor <= limits.AutoApproveFor(user.Role);
        if (auto)
        {
            remedy.State = RemedyStates.Approved;
            remedy.DecidedAt = now;
            remedy.DecisionReason = "auto-approved within limit";
        }
        db.Remedies.Add(remedy);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(user.Actor, "remedy.proposed", "case:" + c.Id, new { remedy.Id, remedy.Type, remedy.AmountMinor, auto }, ct);
        await cases.AppendTimelineAsync(new TimelineAppend(c.Id, user.UserId, user.Role, "remedy", false,
            $"remedy.proposed {remedy.Type} {remedy.AmountMinor}", Json(new { remedyId = remedy.Id, remedy.Type, remedy.AmountMinor, remedy.State })), ct);
        if (auto) await ExecuteAsync(remedy.Id, ct);
        return await db.Remedies.AsNoTracking().FirstAsync(r => r.Id == remedy.Id, ct);
    }

    public async Task<Remedy> ApproveAsync(Guid remedyId, CancellationToken ct)
    {
        var r = await db.Remedies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == remedyId, ct) ?? throw AppProblem.NotFound();
        if (r.ProposedBy == user.UserId) throw new AppProblem(RemedyErrors.SelfApproval, 403);
        var now = time.GetUtcNow().UtcDateTime;
        // The state change is the lock: of two concurrent approvals only one moves it out of pending.
        var moved = await db.Remedies
            .Where(x => x.Id == remedyId && x.State == RemedyStates.PendingApproval)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, RemedyStates.Approved).SetProperty(x => x.DecidedBy, user.UserId)
                .SetProperty(x => x.DecidedAt, now).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (moved == 0) throw new AppProblem(RemedyErrors.AlreadyDecided, 409);
        await audit.WriteAsync(user.Actor, "remedy.approved", "remedy:" + remedyId, null, ct);
        await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, user.UserId, user.Role, "remedy", false,
            $"remedy.approved {r.Type} {r.AmountMinor}", Json(new { remedyId })), ct);
        await ExecuteAsync(remedyId, ct);
        return await db.Remedies.AsNoTracking().FirstAsync(x => x.Id == remedyId, ct);
    }

    public async Task<Remedy> RejectAsync(Guid remedyId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw AppProblem.Validation("reason", "field.required");
        var r = await db.Remedies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == remedyId, ct) ?? throw AppProblem.NotFound();
        if (r.ProposedBy == user.UserId) throw new AppProblem(RemedyErrors.SelfApproval, 403);
        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.Remedies
            .Where(x => x.Id == remedyId && x.State == RemedyStates.PendingApproval)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, RemedyStates.Rejected).SetProperty(x => x.DecidedBy, user.UserId)
                .SetProperty(x => x.DecidedAt, now).SetProperty(x => x.DecisionReason, reason).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (moved == 0) throw new AppProblem(RemedyErrors.AlreadyDecided, 409);
        await audit.WriteAsync(user.Actor, "remedy.rejected", "remedy:" + remedyId, new { reason }, ct);
        await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, user.UserId, user.Role, "remedy", false,
            $"remedy.rejected: {reason}", Json(new { remedyId })), ct);
        return await db.Remedies.AsNoTracking().FirstAsync(x => x.Id == remedyId, ct);
    }

    /// <summary>
    /// The claim behind the case is decided. Rejected: every executed provisional credit is reversed
    /// (idempotently, key "remedy-reversal:{id}"). Upheld: provisional credits simply stay.
    /// </summary>
    public async Task<int> DecideClaimAsync(Guid caseId, bool upheld, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw AppProblem.Validation("reason", "field.required");
        var c = await cases.GetAsync(caseId, ct) ?? throw AppProblem.NotFound();
        await cases.AppendTimelineAsync(new TimelineAppend(c.Id, user.UserId, user.Role, "claim_decision", true,
            upheld ? "claim.upheld" : "claim.rejected", Json(new { upheld, reason })), ct);
        await audit.WriteAsync(user.Actor, upheld ? "claim.upheld" : "claim.rejected", "case:" + caseId, new { reason }, ct);
        if (upheld) return 0;
        var credits = await db.Remedies.AsNoTracking()
            .Where(r => r.CaseId == caseId && r.Type == RemedyKinds.ProvisionalCredit && r.State == RemedyStates.Executed)
            .ToListAsync(ct);
        foreach (var r in credits)
        {
            var txId = await wallet.PostRemedyAsync(new RemedyPosting("remedy-reversal:" + r.Id, r.CustomerId, RemedyKinds.ProvisionalReversal,
                r.AmountMinor, r.WalletTransactionId, r.CaseNumber), ct);
            var now = time.GetUtcNow().UtcDateTime;
            await db.Remedies.Where(x => x.Id == r.Id && x.State == RemedyStates.Executed).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.State, RemedyStates.Reversed).SetProperty(x => x.ReversalTransactionId, txId)
                .SetProperty(x => x.ReversedAt, now).SetProperty(x => x.Version, x => x.Version + 1), ct);
            await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, null, "system", "remedy", true,
                "remedy.provisional_reversed", Json(new { remedyId = r.Id, r.AmountMinor })), ct);
        }
        return credits.Count;
    }

    /// <summary>Posts an approved remedy. Safe to call again: the wallet posting is keyed by the remedy id.</summary>
    private async Task ExecuteAsync(Guid remedyId, CancellationToken ct)
    {
        var r = await db.Remedies.AsNoTracking().FirstAsync(x => x.Id == remedyId, ct);
        if (r.State != RemedyStates.Approved) return;
        var txId = await wallet.PostRemedyAsync(new RemedyPosting("remedy:" + r.Id, r.CustomerId, r.Type, r.AmountMinor, r.TransactionId, r.CaseNumber), ct);
        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.Remedies.Where(x => x.Id == remedyId && x.State == RemedyStates.Approved).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, RemedyStates.Executed).SetProperty(x => x.WalletTransactionId, txId)
            .SetProperty(x => x.ExecutedAt, now).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (moved == 1)
        {
            await audit.WriteAsync(user.Actor, "remedy.executed", "remedy:" + remedyId, new { txId, r.AmountMinor }, ct);
            await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, null, "system", "remedy", true,
                "remedy.executed." + r.Type, Json(new { remedyId, r.Type, r.AmountMinor, r.Currency, walletTransactionId = txId })), ct);
        }
    }

    private static string Json(object o) => JsonSerializer.Serialize(o, JsonSerializerOptions.Web);
}
