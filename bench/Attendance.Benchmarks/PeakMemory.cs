namespace Attendance.Benchmarks;

/// <summary>The process's peak resident memory, which is what a Functions instance is billed and killed for.</summary>
internal static class PeakMemory
{
    /// <summary>VmHWM from /proc/self/status on Linux; elsewhere the closest .NET figure, the peak working set.</summary>
    public static long Bytes()
    {
        const string Path = "/proc/self/status";
        if (File.Exists(Path))
        {
            foreach (var line in File.ReadLines(Path))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
