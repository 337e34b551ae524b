using System.Diagnostics;
using Attendance.Benchmarks.Emulator;

namespace Attendance.Benchmarks.Load;

/// <summary>
/// Runs a <see cref="LoadCase"/> with a closed loop of clients: each sends its next request as soon as the last one
/// answered. <paramref name="storage"/> counts the server's storage requests, for the requests each item cost.
/// </summary>
internal sealed class LoadRunner(AzuriteProcess azurite, StorageRequestCounter storage)
{
    public async Task<CaseResult> RunAsync(LoadCase load, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        long next = -1;
        var latencies = new List<double>[load.Concurrency];
        var azuriteCpu = azurite.CpuTime;
        var processCpu = ProcessCpu();
        var storageRequests = storage.Requests;
        var clock = Stopwatch.StartNew();

        async Task<long> ClientAsync(int client)
        {
            var mine = latencies[client] = new List<double>(4096);
            long items = 0;
            while (clock.Elapsed < duration)
            {
                var number = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                items += await load.Operation(number, cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return items;
        }

        var totals = await Task.WhenAll(Enumerable.Range(0, load.Concurrency).Select(c => Task.Run(() => ClientAsync(c), cancellationToken)));
        // The last requests finish after the deadline; the rate divides by the time until they did.
        var seconds = clock.Elapsed.TotalSeconds;
        var azuriteCores = (azurite.CpuTime - azuriteCpu).TotalSeconds / seconds;
        var processCores = (ProcessCpu() - processCpu).TotalSeconds / seconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var items = totals.Sum();
        return new CaseResult(
            load.Kind, load.Layout, load.Concurrency, all.Length, items, seconds,
            items / seconds, all.Length / seconds, Percentile(all, 0.50), Percentile(all, 0.99), azuriteCores, processCores,
            (double)(storage.Requests - storageRequests) / Math.Max(1, items));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
