using System.Globalization;

namespace Attendance.Benchmarks;

/// <summary>Reads memory figures from Linux's /proc, where the benchmarks are meant to run.</summary>
internal static class ProcStatus
{
    /// <summary>The kilobytes of the field <paramref name="name"/> (e.g. <c>VmRSS:</c>) of a status file; 0 when absent.</summary>
    public static long ReadKilobytes(string path, string name)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>
    /// Resets this process's peak resident memory (VmHWM) to the current resident size, so <see cref="PeakMemory"/>
    /// measures one phase rather than the whole run (Linux 4.0+: write 5 to /proc/self/clear_refs). False where not possible.
    /// </summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
