using System.Text.RegularExpressions;

namespace Attendance.Benchmarks;

/// <summary>What the figures were measured on, printed with them.</summary>
internal sealed partial record Machine(string CpuModel, int Cores, long MemoryBytes, string Runtime)
{
    public static Machine Current()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").Select(l => ModelName().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim()
            : null;
        return new Machine(
            model ?? "unknown",
            Environment.ProcessorCount,
            ProcStatus.ReadKilobytes("/proc/meminfo", "MemTotal:") * 1024,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }

    [GeneratedRegex(@"^model name\s*:\s*(.+)$")]
    private static partial Regex ModelName();
}
