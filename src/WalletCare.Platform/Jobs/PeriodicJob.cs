using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WalletCare.Platform.Modules;

namespace WalletCare.Platform.Jobs;

/// <summary>
/// A background loop on the injected clock: every <see cref="Interval"/>, on whichever node holds the
/// named lease, run <see cref="RunOnceAsync"/> in a fresh scope. Errors are logged and retried next tick.
/// Tests switch these loops off (WalletCare:BackgroundJobs=false) and call the work methods directly.
/// </summary>
public abstract class PeriodicJob(IServiceProvider services, TimeProvider time, WalletCareSettings settings, ILogger logger) : BackgroundService
{
    protected abstract string LeaseName { get; }
    protected virtual TimeSpan Interval => TimeSpan.FromSeconds(30);
    protected abstract Task RunOnceAsync(IServiceProvider scoped, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.BackgroundJobs) return;
        var interval = settings.JobIntervalSeconds is int cap && cap > 0 && cap < Interval.TotalSeconds ? TimeSpan.FromSeconds(cap) : Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                using var scope = services.CreateScope();
                if (!await scope.ServiceProvider.GetRequiredService<IJobLeases>().TryAcquireAsync(LeaseName, interval * 2, stoppingToken)) continue;
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Job} failed; retrying on the next tick", LeaseName);
            }
        }
    }
}
