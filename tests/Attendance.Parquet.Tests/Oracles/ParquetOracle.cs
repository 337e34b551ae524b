using System.Text.Json;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>Runs the Node readers over several files in one process: node start-up and DuckDB load dominate a call.</summary>
public static class ParquetOracle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<IReadOnlyList<OracleReading>> ReadAsync(IReadOnlyList<(ExportScenario Scenario, string Path, long RowsWritten)> files, CancellationToken cancellationToken = default)
    {
        var output = await NodeProcess.RunAsync("tests/oracles/read-parquet.mjs", files.Select(f => f.Path), Timeout, cancellationToken);
        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray().Select((result, i) => new OracleReading(
            files[i].Scenario,
            files[i].Path,
            new FileInfo(files[i].Path).Length,
            files[i].RowsWritten,
            result.GetProperty("duckdb").Clone(),
            result.GetProperty("arrowRs").Clone(),
            result.GetProperty("hyparquet").Clone()))];
    }
}
