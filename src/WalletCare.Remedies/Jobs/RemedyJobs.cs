using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Modules;
using WalletCare.Remedies.Domain;

namespace WalletCare.Remedies;

/// <summary>
/// Finishes what an approval promised: every approved remedy whose attempt is due is claimed (lease on the
/// row, so two nodes never attempt the same one at once) and posted. The posting is keyed by the remedy,
/// so even a lease that expires mid-attempt cannot post twice.
/// </summary>
public sealed class RemedyJobs(RemediesDbContext db, RemedyExecutor executor, TimeProvider time)
{
    public const string Actor = "system";

    /// <summary>Returns how many remedies were executed in this run.</summary>
    public async Task<int> ExecuteDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Remedies.AsNoTracking()
            .Where(r => r.State == RemedyStates.Approved && (r.NextAttemptAt == null || r.NextAttemptAt <= now))
            .OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Select(r => r.Id).Take(100).ToListAsync(ct);
        var executed = 0;
        foreach (var id in due)
        {
            if (!await executor.TryClaimAsync(id, ct)) continue;
            if (await executor.ExecuteClaimedAsync(id, Actor, ct) == RemedyStates.Executed) executed++;
        }
        return executed;
    }
}

/// <summary>Runs <see cref="RemedyJobs"/> every 30 s on one node at a time (lease), on the injected clock.</summary>
internal sealed class RemedyJobsService(IServiceProvider services, TimeProvider time, WalletCareSettings settings, ILogger<RemedyJobsService> log)
    : PeriodicJob(services, time, settings, log)
{
    protected override string LeaseName => "remedy-jobs";

    protected override Task RunOnceAsync(IServiceProvider scoped, CancellationToken ct) =>
        scoped.GetRequiredService<RemedyJobs>().ExecuteDueAsync(ct);
}
