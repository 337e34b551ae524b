using System.Diagnostics;
using Attendance.Benchmarks.Emulator;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Attendance.Benchmarks.Export;

/// <summary>Times a phase and takes the container's size and the memory figures around it.</summary>
internal sealed class PhaseMeter(AzuriteProcess azurite, BlobContainerClient container)
{
    private long lastBytes;

    public async Task<ExportPhase> RunAsync(string name, Func<Task<long>> work, CancellationToken cancellationToken = default)
    {
        Console.Error.WriteLine($"{name}...");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ProcStatus.TryResetPeak();
        var azuriteCpu = azurite.CpuTime;
        var processCpu = ProcessCpu();
        var clock = Stopwatch.StartNew();
        var rows = await work();
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = PeakMemory.Bytes();
        var cpu = (azurite.CpuTime - azuriteCpu).TotalSeconds;
        var ownCpu = (ProcessCpu() - processCpu).TotalSeconds;
        var (bytes, blobs) = await SizeAsync(cancellationToken);
        var added = bytes - lastBytes;
        lastBytes = bytes;
        return new ExportPhase(name, rows, Math.Round(seconds, 3), Math.Round(rows / seconds, 0), bytes, added, blobs, peak, Math.Round(ownCpu, 2), Math.Round(cpu, 2), azurite.ResidentBytes);
    }

    private async Task<(long Bytes, int Blobs)> SizeAsync(CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        long bytes = 0;
        var blobs = 0;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            bytes += blob.Properties.ContentLength ?? 0;
            blobs++;
        }

        return (bytes, blobs);
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
