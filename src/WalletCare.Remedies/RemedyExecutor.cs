using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WalletCare.Platform.Audit;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies;

/// <summary>
/// Drives an approved remedy to its ledger posting. The `approved` row is the durable promise; this posts it
/// keyed "remedy:{id}" (so a retry never posts twice) and records the outcome on the remedy. It never throws
/// for a failed posting: a transient failure is recorded with a backoff for <see cref="RemedyJobs"/>, a refusal
/// by the wallet (a business rule, e.g. the payment was refunded meanwhile) ends the remedy as `failed`.
/// No CurrentUser here: the job has none, so the caller names the actor.
/// </summary>
public sealed class RemedyExecutor(RemediesDbContext db, ICaseDirectory cases, IWalletRemedies wallet, IAuditLog audit, TimeProvider time,
    ILogger<RemedyExecutor> log)
{
    /// <summary>How long one attempt owns an approved remedy before the job may take it over (crash of the attempt).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, 1 << Math.Min(Math.Max(attempts - 1, 0), 6)));

    /// <summary>Claims a due approved remedy for one attempt; false when it is not due or another node has it.</summary>
    public async Task<bool> TryClaimAsync(Guid remedyId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        return await db.Remedies
            .Where(r => r.Id == remedyId && r.State == RemedyStates.Approved && (r.NextAttemptAt == null || r.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, until), ct) == 1;
    }

    /// <summary>One attempt at a remedy the caller has claimed. Returns the remedy's state afterwards.</summary>
    public async Task<string> ExecuteClaimedAsync(Guid remedyId, string actor, CancellationToken ct)
    {
        var r = await db.Remedies.AsNoTracking().FirstAsync(x => x.Id == remedyId, ct);
        if (r.State != RemedyStates.Approved) return r.State;
        var now = () => time.GetUtcNow().UtcDateTime;
        Guid txId;
        try
        {
            txId = await wallet.PostRemedyAsync(new RemedyPosting("remedy:" + r.Id, r.CustomerId, r.Type, r.AmountMinor, r.TransactionId, r.CaseNumber), ct);
        }
        catch (AppProblem p) when (p.Status is >= 400 and < 500)
        {
            var failed = await db.Remedies.Where(x => x.Id == remedyId && x.State == RemedyStates.Approved).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.State, RemedyStates.Failed).SetProperty(x => x.Attempts, x => x.Attempts + 1)
                .SetProperty(x => x.LastError, p.Code).SetProperty(x => x.NextAttemptAt, (DateTime?)null)
                .SetProperty(x => x.Version, x => x.Version + 1), ct);
            if (failed == 1)
            {
                await audit.WriteAsync(actor, "remedy.failed", "remedy:" + remedyId, new { code = p.Code }, ct);
                await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, null, "system", TimelineKinds.RemedyFailed, false,
                    new TimelineArgs { RemedyId = remedyId, RemedyType = r.Type, AmountMinor = r.AmountMinor, Code = p.Code }), ct);
            }
            return RemedyStates.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var at = now();
            var next = at + Backoff(r.Attempts + 1);
            var error = Truncate($"{e.GetType().Name}: {e.Message}", 1000);
            await db.Remedies.Where(x => x.Id == remedyId && x.State == RemedyStates.Approved).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LastError, error)
                .SetProperty(x => x.NextAttemptAt, next), ct);
            log.LogWarning(e, "Posting remedy {RemedyId} failed (attempt {Attempt}); next attempt at {Next:o}", remedyId, r.Attempts + 1, next);
            return RemedyStates.Approved;
        }
        var done = now();
        var moved = await db.Remedies.Where(x => x.Id == remedyId && x.State == RemedyStates.Approved).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, RemedyStates.Executed).SetProperty(x => x.WalletTransactionId, txId)
            .SetProperty(x => x.ExecutedAt, done).SetProperty(x => x.Attempts, x => x.Attempts + 1)
            .SetProperty(x => x.NextAttemptAt, (DateTime?)null).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (moved == 1)
        {
            await audit.WriteAsync(actor, "remedy.executed", "remedy:" + remedyId, new { txId, r.AmountMinor }, ct);
            await cases.AppendTimelineAsync(new TimelineAppend(r.CaseId, null, "system", TimelineKinds.RemedyExecuted, true,
                new TimelineArgs { RemedyId = remedyId, RemedyType = r.Type, AmountMinor = r.AmountMinor, Currency = r.Currency, WalletTransactionId = txId }), ct);
        }
        return RemedyStates.Executed;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
