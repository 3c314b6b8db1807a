using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WalletCare.Platform.Jobs;
using WalletCare.Platform.Modules;

namespace WalletCare.Platform.Audit;

/// <summary>The single appender: every second, on the node holding the lease, links pending audit lines into the chain.</summary>
public sealed class AuditChainJob(IServiceProvider services, TimeProvider time, WalletCareSettings settings, ILogger<AuditChainJob> logger)
    : PeriodicJob(services, time, settings, logger)
{
    protected override string LeaseName => "audit-chain";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task RunOnceAsync(IServiceProvider scoped, CancellationToken ct)
    {
        var log = scoped.GetRequiredService<AuditLog>();
        while (await log.ChainPendingAsync(ct) >= 2000) { } // drain a backlog in batches
    }
}
