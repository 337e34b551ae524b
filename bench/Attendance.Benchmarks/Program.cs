using System.CommandLine;
using Attendance.Benchmarks.Export;
using Attendance.Benchmarks.Idle;
using Attendance.Benchmarks.Ingest;
using Attendance.Benchmarks.Parquet;
using Attendance.Benchmarks.Years;

namespace Attendance.Benchmarks;

/// <summary>Benchmarks of the product's hot paths, one subcommand each (parquet, ingest, export, years, idle).</summary>
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        var root = new RootCommand("Attendance analytics benchmarks: each subcommand prints its measurement as the last line, in JSON.")
        {
            new ParquetBenchmarkCommand(),
            new IngestBenchmarkCommand(),
            new ExportBenchmarkCommand(),
            new YearsBenchmarkCommand(),
            new IdleBenchmarkCommand(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
