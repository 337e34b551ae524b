using System.Diagnostics;
using Attendance.Testing;

namespace Attendance.Benchmarks.Emulator;

/// <summary>
/// Azurite for a benchmark: the tests' <see cref="AzuriteFixture"/> (free 127.0.0.1 ports, the same flags) with
/// <c>--inMemoryPersistence</c>, so the figures do not depend on the disk traffic of whoever else builds on the
/// machine and a loaded table is not re-serialized by Azurite's autosave; plus readings of its CPU and memory.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly AzuriteFixture azurite;
    private readonly Process process;

    private AzuriteProcess(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        process = Process.GetProcessById(azurite.ProcessId!.Value);
    }

    /// <summary>A connection string with explicit endpoints, for the <c>AttendanceStorage</c> setting.</summary>
    public string ConnectionString => azurite.ConnectionString;

    /// <summary>CPU time the emulator has used so far (user + system), to tell how busy it was during a case.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The emulator's resident memory now (VmRSS), or 0 where /proc is not available.</summary>
    public long ResidentBytes => ProcStatus.ReadKilobytes($"/proc/{process.Id}/status", "VmRSS:") * 1024;

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var azurite = AzuriteFixture.InMemory();
        await azurite.StartAsync(cancellationToken);
        return new AzuriteProcess(azurite);
    }

    public async ValueTask DisposeAsync()
    {
        process.Dispose();
        await azurite.DisposeAsync();
    }
}
