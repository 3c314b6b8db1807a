using System.Diagnostics;
using System.Globalization;

namespace WalletCare.Bench;

/// <summary>Collects per-operation latencies from many workers; reports throughput and percentiles.</summary>
public sealed class Latency
{
    private readonly List<long>[] _perWorker;
    public Latency(int workers) => _perWorker = Enumerable.Range(0, workers).Select(_ => new List<long>(100_000)).ToArray();

    public void Add(int worker, long ticks) => _perWorker[worker].Add(ticks);

    public (long Count, double P50Ms, double P99Ms, double MaxMs) Summary()
    {
        var all = _perWorker.SelectMany(l => l).Order().ToArray();
        if (all.Length == 0) return (0, 0, 0, 0);
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        return (all.Length, Ms(all[(int)(all.Length * 0.50)]), Ms(all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))]), Ms(all[^1]));
    }

    /// <summary>Runs <paramref name="workers"/> loops for <paramref name="duration"/>; each call of op is one timed operation.</summary>
    public static async Task<(Latency Latency, TimeSpan Elapsed, long Errors)> RunAsync(int workers, TimeSpan duration, Func<int, long, Task<bool>> op)
    {
        var lat = new Latency(workers);
        long errors = 0;
        var sw = Stopwatch.StartNew();
        var deadline = sw.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            long i = 0;
            while (sw.Elapsed < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await op(w, i++);
                if (ok) lat.Add(w, Stopwatch.GetTimestamp() - start);
                else Interlocked.Increment(ref errors);
            }
        })));
        return (lat, sw.Elapsed, errors);
    }

    public static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
