using System.Globalization;
using System.Text;

namespace Attendance.Benchmarks.Load;

/// <summary>The cases as a Markdown table, for the terminal and for docs/benchmarks.md.</summary>
internal static class ResultTable
{
    public static string Format(IEnumerable<CaseResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| case | layout | clients | items/s | requests/s | p50 ms | p99 ms | Azurite CPU (cores) | bench process CPU (cores) | storage requests/item |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Kind} | {r.Layout} | {r.Concurrency} | {r.ItemsPerSecond:F0} | {r.RequestsPerSecond:F0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.AzuriteCpuCores:F2} | {r.ProcessCpuCores:F2} | {r.StorageRequestsPerItem:F3} |"));
        }

        return text.ToString();
    }
}
