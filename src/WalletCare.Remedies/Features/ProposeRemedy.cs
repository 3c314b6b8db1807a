using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Platform.Http;
using WalletCare.Platform.Idempotency;
using WalletCare.Remedies.Domain;
using WalletCare.Platform.Validation;

namespace WalletCare.Remedies.Features;

public sealed record ProposeRemedy(string? Type, long AmountMinor, Guid? TransactionId, string? Reason);

/// <summary>
/// `POST /api/v1/agent/tickets/{id}/remedies`: a staff member proposes a remedy. It is approved at once only
/// while this proposer's auto-approved and approved remedies for this customer today stay within the daily
/// limit (every role alike); otherwise it waits for a different supervisor. An approved remedy is posted at
/// once; if the wallet is unavailable it stays approved and <see cref="RemedyJobs"/> finishes it.
/// </summary>
public sealed class ProposeRemedyHandler(
    RemediesDbContext db, ICaseDirectory cases, IWalletQueries walletQueries, RemedyExecutor executor,
    RemedyLimits limits, CurrentUser user, IAuditLog audit, TimeProvider time)
{
    private static readonly string[] Types = [RemedyKinds.Refund, RemedyKinds.ProvisionalCredit, RemedyKinds.FeeReversal, RemedyKinds.GoodwillCredit];

    public async Task<Remedy> ProposeAsync(Guid caseId, ProposeRemedy req, string? idempotencyKey, CancellationToken ct)
    {
        var key = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey;
        if (key is not null && await EarlierAsync(key, ct) is { } earlier) return earlier;
        var errors = new Dictionary<string, string[]>();
        if (req.Type is null || !Types.Contains(req.Type)) errors["type"] = ["field.invalid"];
        if (req.AmountMinor <= 0) errors["amountMinor"] = ["field.amount_positive"];
        Text.Check(errors, "reason", req.Reason, 2000, multiline: true);
        if (req.Type is RemedyKinds.Refund or RemedyKinds.FeeReversal && req.TransactionId is null) errors["transactionId"] = ["field.required"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        if (req.AmountMinor > limits.MaxRemedyMinor) throw new AppProblem(RemedyErrors.OverMaximum);

        var c = await cases.GetAsync(caseId, ct) ?? throw AppProblem.NotFound();
        if (c.Status is "closed") throw new AppProblem(RemedyErrors.CaseClosed);
        if (req.TransactionId is { } txId)
        {
            var tx = await walletQueries.GetTransactionsAsync(c.CustomerId, [txId], ct);
            if (tx.Count == 0) throw AppProblem.Validation("transactionId", "field.invalid");
            if (req.Type == RemedyKinds.Refund) await RefundRemaining.RequireAsync(db, walletQueries, c.CustomerId, txId, req.AmountMinor, null, ct);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var remedy = new Remedy
        {
            CaseId = c.Id, CaseNumber = c.Number, CustomerId = c.CustomerId, Type = req.Type!, AmountMinor = req.AmountMinor,
            TransactionId = req.TransactionId, Reason = req.Reason!.Trim(), ProposedBy = user.UserId, ProposedByRole = user.Role,
            ProposedAt = now, IdempotencyKey = key,
        };
        bool auto;
        await using (var dbtx = await db.Database.BeginTransactionAsync(ct))
        {
            // The allowance and the remedy commit together: a rolled-back proposal gives its allowance back.
            auto = RemedyLimits.MayAutoApprove(user.Role) && await Allowances.TryConsumeAsync(db,
                Allowances.KeyFor(user.UserId, c.CustomerId, now), req.AmountMinor, limits.AutoApprovePerCustomerPerDayMinor, ct);
            if (auto)
            {
                remedy.State = RemedyStates.Approved;
                remedy.DecidedAt = now;
                remedy.DecisionReason = "auto-approved within limit";
                remedy.NextAttemptAt = now + RemedyExecutor.Lease; // this request posts it; the job only after the lease
            }
            db.Remedies.Add(remedy);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (key is not null)
            {
                // The same key won a concurrent race: roll back (allowance included) and answer with the winner.
                await dbtx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await EarlierAsync(key, ct) ?? throw new AppProblem(ErrorCodes.Conflict);
            }
            await dbtx.CommitAsync(ct);
        }
        await audit.WriteAsync(user.Actor, "remedy.proposed", "case:" + c.Id, new { remedy.Id, remedy.Type, remedy.AmountMinor, auto }, ct);
        await cases.AppendTimelineAsync(new TimelineAppend(c.Id, user.UserId, user.Role, TimelineKinds.RemedyProposed, false,
            new TimelineArgs { RemedyId = remedy.Id, RemedyType = remedy.Type, AmountMinor = remedy.AmountMinor, State = remedy.State }), ct);
        if (auto) await executor.ExecuteClaimedAsync(remedy.Id, user.Actor, ct);
        return await db.Remedies.AsNoTracking().FirstAsync(r => r.Id == remedy.Id, ct);
    }

    private Task<Remedy?> EarlierAsync(string key, CancellationToken ct) =>
        db.Remedies.AsNoTracking().FirstOrDefaultAsync(r => r.ProposedBy == user.UserId && r.IdempotencyKey == key, ct);
}

public static class ProposeRemedyEndpoint
{
    public static void MapProposeRemedy(this RouteGroupBuilder tickets) =>
        tickets.MapPost("/remedies", async (Guid id, ProposeRemedy req, ProposeRemedyHandler handler, HttpContext http, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/agent/tickets/{id}/remedies",
                RemedyDto.From(await handler.ProposeAsync(id, req, http.Request.Headers[IdempotencyExtensions.Header].ToString(), ct))))
            .WithIdempotency();
}
