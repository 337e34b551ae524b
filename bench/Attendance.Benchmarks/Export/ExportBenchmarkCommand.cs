using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Attendance.Benchmarks.Emulator;
using Attendance.Benchmarks.Load;
using Attendance.Events;
using Attendance.Export;
using Attendance.Regions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Attendance.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Benchmarks.Export;

/// <summary>
/// <c>export [--rows N]</c>: loads N submissions into Azurite through the intake, then times, in one run against the
/// same emulator: a raw read of the same rows (every event's <c>q|</c> records, one query), the first export
/// (<see cref="ExportRunner.RunAsync"/>), a second export with nothing new, and a third after 1% new rows.
/// Reports rows/s, seconds, the container's bytes and this process's peak memory per phase; the last line is JSON.
/// </summary>
internal sealed class ExportBenchmarkCommand : Command
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Option<long> _rows = new("--rows") { Description = "Submissions to load and export.", DefaultValueFactory = _ => 100_000 };
    private readonly Option<int> _parallel = new("--parallel") { Description = "Events loaded at once (loading is not timed).", DefaultValueFactory = _ => 8 };
    private readonly Option<FileInfo?> _out = new("--out") { Description = "Also write the JSON result here." };

    public ExportBenchmarkCommand()
        : base("export", "Export N submissions from Azurite to Delta/Parquet beside a raw read of the same rows; then a no-change run and a run after 1% new rows.")
    {
        Options.Add(_rows);
        Options.Add(_parallel);
        Options.Add(_out);
        SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(_rows), parseResult.GetValue(_parallel), parseResult.GetValue(_out), cancellationToken));
    }

    private static async Task<int> RunAsync(long rows, int parallel, FileInfo? output, CancellationToken cancellationToken = default)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var settings = BenchmarkSettings.Create(azurite.ConnectionString);

        // The longest retention allowed, so no loaded training is past it: the run measured is the export against
        // the raw read of the same rows, not the clearing of 100,000 records' contacts (one replace each) that the
        // first run after a training's retention does once.
        settings["Privacy:ContactRetention"] = "3660.00:00:00";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAttendance(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var container = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(BenchmarkSettings.Container);
        var submissionsTable = provider.GetRequiredService<TableServiceClient>().GetTableClient(BenchmarkSettings.SubmissionsTable);
        var runner = provider.GetRequiredService<ExportRunner>();
        var loader = new SubmissionLoader(
            provider.GetRequiredService<EventStore>(), provider.GetRequiredService<SubmissionIntake>(), provider.GetRequiredService<RegionDirectory>());
        var phases = new List<ExportPhase>();
        var measure = new PhaseMeter(azurite, container);

        // Where the peak can be reset (Linux), each phase's peak memory is its own; elsewhere it is the run's so far.
        var peakPerPhase = ProcStatus.TryResetPeak();
        var newRows = Math.Max(1, rows / 100);
        var events = 0;
        phases.Add(await measure.RunAsync("load (not a figure)", async () =>
        {
            events = await loader.LoadAsync(0, rows, parallel, cancellationToken);
            return rows;
        }, cancellationToken));
        phases.Add(await measure.RunAsync("raw read", () => ReadRawAsync(submissionsTable, rows, cancellationToken), cancellationToken));
        phases.Add(await measure.RunAsync("export 1 (all rows)", () => ExportAsync(runner, rows, cancellationToken), cancellationToken));
        phases.Add(await measure.RunAsync("export 2 (no change)", () => ExportAsync(runner, 0, cancellationToken), cancellationToken));
        phases.Add(await measure.RunAsync("load 1% (not a figure)", async () =>
        {
            await loader.LoadAsync(events, newRows, parallel, cancellationToken);
            return newRows;
        }, cancellationToken));
        phases.Add(await measure.RunAsync("export 3 (1% new)", () => ExportAsync(runner, newRows, cancellationToken), cancellationToken));

        Console.WriteLine(Format(phases));
        var json = JsonSerializer.Serialize(new ExportReport("export", Machine.Current(), rows, events, newRows, peakPerPhase, phases), JsonOptions);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output.FullName, json + Environment.NewLine, cancellationToken);
        }

        Console.WriteLine(json);
        return 0;
    }

    /// <summary>The rows the export reads, read raw: every partition's <c>q|</c> records in one filtered query, parsed, counted and dropped.</summary>
    private static async Task<long> ReadRawAsync(TableClient table, long expected, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey ge {SubmissionRows.SequenceRange.From} and RowKey lt {SubmissionRows.SequenceRange.Until}"), cancellationToken: cancellationToken))
        {
            count++;
        }

        return count == expected ? count : throw new InvalidOperationException($"The raw read found {count} records, not {expected}.");
    }

    private static async Task<long> ExportAsync(ExportRunner runner, long expected, CancellationToken cancellationToken)
    {
        var summary = await runner.RunAsync("benchmark", cancellationToken: cancellationToken);
        var rows = summary.Tables.Single(t => t.Table == AnalyticsTables.AttendancePath).RowsAdded;
        return rows == expected ? rows : throw new InvalidOperationException($"The export added {rows} attendance rows, not {expected}.");
    }

    private static string Format(IEnumerable<ExportPhase> phases)
    {
        var text = new StringBuilder();
        text.AppendLine("| phase | rows | seconds | rows/s | output bytes (container) | bytes added | peak memory MiB | bench CPU s | Azurite CPU s | Azurite RSS MiB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in phases)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Phase} | {p.Rows} | {p.Seconds:F2} | {p.RowsPerSecond:F0} | {p.OutputBytes} | {p.BytesAdded} | {p.PeakMemoryBytes / 1048576.0:F0} | {p.ProcessCpuSeconds:F1} | {p.AzuriteCpuSeconds:F1} | {p.AzuriteResidentBytes / 1048576.0:F0} |"));
        }

        return text.ToString();
    }
}
