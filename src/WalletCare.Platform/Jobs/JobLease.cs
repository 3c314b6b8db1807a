using Microsoft.EntityFrameworkCore;
using WalletCare.Platform.Persistence;

namespace WalletCare.Platform.Jobs;

/// <summary>A named lease so that a periodic job runs on one node at a time.</summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public required string Owner { get; set; }
    public DateTime ExpiresAt { get; set; }
}

public interface IJobLeases
{
    Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken ct = default);
    Task ReleaseAsync(string name, CancellationToken ct = default);
}

public sealed class JobLeases(PlatformDbContext db, TimeProvider time) : IJobLeases
{
    public static readonly string NodeId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var updated = await db.JobLeases
            .Where(l => l.Name == name && (l.ExpiresAt < now || l.Owner == NodeId))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, NodeId).SetProperty(l => l.ExpiresAt, until), ct);
        if (updated == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct)) return false;
        try
        {
            db.JobLeases.Add(new JobLease { Name = name, Owner = NodeId, ExpiresAt = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another node inserted it first
        }
    }

    public Task ReleaseAsync(string name, CancellationToken ct = default) =>
        db.JobLeases.Where(l => l.Name == name && l.Owner == NodeId).ExecuteDeleteAsync(ct);
}
