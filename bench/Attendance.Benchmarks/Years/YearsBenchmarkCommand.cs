using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Attendance.Benchmarks.Emulator;
using Attendance.Benchmarks.Load;
using Attendance.Delta;
using Attendance.Events;
using Attendance.Export;
using Attendance.Regions;
using Attendance.Storage;
using Attendance.Submissions;
using Attendance.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Benchmarks.Years;

/// <summary>
/// <c>years [--runs 1100]</c>: three years of nightly exports on an in-memory Azurite with a fake clock (one day per
/// run, <see cref="YearsWorkload"/>'s trickle), and at runs 10, 100 and the last: the time of a run with nothing new,
/// the time to load the attendance snapshot, its live files and bytes, the log's files, and DuckDB reading every live
/// row. The last line is JSON.
/// </summary>
internal sealed class YearsBenchmarkCommand : Command
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Option<int> _runs = new("--runs") { Description = "Nightly runs (one fake day each).", DefaultValueFactory = _ => 1100 };
    private readonly Option<FileInfo?> _out = new("--out") { Description = "Also write the JSON result here." };

    public YearsBenchmarkCommand()
        : base("years", "Years of nightly exports with a fake clock: no-change run, snapshot load, live files and DuckDB read at runs 10, 100 and the last.")
    {
        Options.Add(_runs);
        Options.Add(_out);
        SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(_runs), parseResult.GetValue(_out), cancellationToken));
    }

    private static async Task<int> RunAsync(int runs, FileInfo? output, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var clock = new ManualTime(new DateTimeOffset(2024, 1, 8, 19, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(BenchmarkSettings.Create(azurite.ConnectionString)).Build();

        // Before AddAttendance, which only adds the system clock when none is registered.
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddAttendance(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var runner = provider.GetRequiredService<ExportRunner>();
        var container = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(BenchmarkSettings.Container);
        var workload = new YearsWorkload(provider.GetRequiredService<EventStore>(), provider.GetRequiredService<SubmissionIntake>(),
            provider.GetRequiredService<RegionDirectory>(), clock);

        var marks = new[] { 10, 100, runs }.Where(m => m <= runs).Distinct().ToHashSet();
        var points = new List<YearsPoint>();
        var nightly = Stopwatch.StartNew();
        for (var night = 0; night < runs; night++)
        {
            await workload.NightAsync(night, cancellationToken);
            await runner.RunAsync("years", cancellationToken: cancellationToken);
            if (marks.Contains(night + 1))
            {
                points.Add(await MeasureAsync(night + 1, runner, container, workload.Accepted, nightly.Elapsed, cancellationToken));
                Console.Error.WriteLine($"run {night + 1}: {JsonSerializer.Serialize(points[^1], JsonOptions)}");
            }
            else if ((night + 1) % 100 == 0)
            {
                Console.Error.WriteLine($"run {night + 1} after {nightly.Elapsed.TotalSeconds:F0} s");
            }

            clock.Now += TimeSpan.FromDays(1);
        }

        Console.WriteLine(Format(points));
        var json = JsonSerializer.Serialize(new YearsReport("years", Machine.Current(), runs, Math.Round(total.Elapsed.TotalSeconds, 1), points), JsonOptions);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output.FullName, json + Environment.NewLine, cancellationToken);
        }

        Console.WriteLine(json);
        return 0;
    }

    private static async Task<YearsPoint> MeasureAsync(int run, ExportRunner runner, BlobContainerClient container, long accepted, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var noChange = await MedianAsync(async () =>
        {
            var summary = await runner.RunAsync("years-no-change", cancellationToken: cancellationToken);
            if (summary.Tables.Any(t => t.Changed))
            {
                throw new InvalidOperationException($"Run {run}: a run with nothing new changed {string.Join(", ", summary.Tables.Where(t => t.Changed).Select(t => t.Table))}.");
            }
        });
        var table = new DeltaTable(container, AnalyticsTables.AttendancePath);
        DeltaSnapshot snapshot = DeltaSnapshot.Empty;
        var load = await MedianAsync(async () => snapshot = await table.LoadAsync(cancellationToken));
        var logFiles = await container.GetBlobsAsync(new GetBlobsOptions { Prefix = table.LogPrefix }, cancellationToken).CountAsync(cancellationToken);
        var rows = snapshot.Files.Values.Sum(f => JsonDocument.Parse(f.Stats!).RootElement.GetProperty("numRecords").GetInt64());
        if (rows != accepted)
        {
            throw new InvalidOperationException($"Run {run}: the table holds {rows} rows but {accepted} submissions were accepted.");
        }

        var (duckDbSeconds, duckDbRows) = await ReadWithDuckDbAsync(container, table, snapshot, cancellationToken);
        if (duckDbRows != rows)
        {
            throw new InvalidOperationException($"Run {run}: DuckDB read {duckDbRows} rows, the log says {rows}.");
        }

        return new YearsPoint(run, Math.Round(noChange, 3), Math.Round(load, 3), snapshot.Version, snapshot.CheckpointVersion, snapshot.Files.Count,
            snapshot.Files.Values.Sum(f => f.Size), logFiles, rows, Math.Round(duckDbSeconds, 3), Math.Round(elapsed.TotalSeconds, 0));
    }

    private static async Task<double> MedianAsync(Func<Task> work)
    {
        var seconds = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await work();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        return seconds.Order().ElementAt(1);
    }

    /// <summary>Downloads the live files (not timed) and times DuckDB reading all their rows in one query.</summary>
    private static async Task<(double Seconds, long Rows)> ReadWithDuckDbAsync(BlobContainerClient container, DeltaTable table, DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("years-duckdb-");
        try
        {
            var paths = new List<string>();
            foreach (var path in snapshot.Files.Keys)
            {
                var local = Path.Combine(folder.FullName, path);
                var content = await container.DownloadIfExistsAsync(table.FileBlobName(path), cancellationToken)
                    ?? throw new InvalidOperationException($"The live file {path} is missing.");
                await File.WriteAllBytesAsync(local, content.ToArray(), cancellationToken);
                paths.Add(local);
            }

            var output = await NodeProcess.RunAsync("bench/duckdb-read-table.mjs", paths, TimeSpan.FromMinutes(5), cancellationToken);
            var result = JsonDocument.Parse(output).RootElement;
            return (result.GetProperty("seconds").GetDouble(), result.GetProperty("rows").GetInt64());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Format(IEnumerable<YearsPoint> points)
    {
        var text = new StringBuilder();
        text.AppendLine("| runs | no-change run s | snapshot load s | version | checkpoint | live files | live MiB | log files | rows | DuckDB read s |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in points)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Run} | {p.NoChangeRunSeconds:F3} | {p.SnapshotLoadSeconds:F3} | {p.Version} | {p.CheckpointVersion} | {p.LiveFiles} | {p.LiveBytes / 1048576.0:F1} | {p.LogFiles} | {p.Rows} | {p.DuckDbReadSeconds:F3} |"));
        }

        return text.ToString();
    }
}

/// <summary>The figures at one run of the years benchmark.</summary>
internal sealed record YearsPoint(int Run, double NoChangeRunSeconds, double SnapshotLoadSeconds, long Version, long CheckpointVersion,
    int LiveFiles, long LiveBytes, int LogFiles, long Rows, double DuckDbReadSeconds, double ElapsedSeconds);

/// <summary>The years benchmark's JSON result.</summary>
internal sealed record YearsReport(string Benchmark, Machine Machine, int Runs, double TotalSeconds, IReadOnlyList<YearsPoint> Points);
