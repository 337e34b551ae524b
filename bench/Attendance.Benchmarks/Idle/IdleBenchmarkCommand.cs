using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Attendance.Benchmarks.Emulator;
using Attendance.Benchmarks.Load;
using Attendance.Events;
using Attendance.Export;
using Attendance.Regions;
using Attendance.Storage;
using Attendance.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Benchmarks.Idle;

/// <summary>
/// <c>idle [--events 10,100,1000] [--repeat 5]</c>: on one in-memory Azurite, grows the store to each number of events
/// (each with one sign-in, through the intake), exports everything, then times the export run with nothing new
/// (median of <c>--repeat</c>) and the same run asked to read every event's counter (<c>--all-events</c>, the
/// behaviour before the index of changed events), counting storage requests and counter reads of each. The last line
/// is JSON.
/// </summary>
internal sealed class IdleBenchmarkCommand : Command
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Option<string> _events = new("--events") { Description = "Event counts, comma-separated, ascending.", DefaultValueFactory = _ => "10,100,1000" };
    private readonly Option<int> _repeat = new("--repeat") { Description = "Runs timed at each point (the median is reported).", DefaultValueFactory = _ => 5 };
    private readonly Option<FileInfo?> _out = new("--out") { Description = "Also write the JSON result here." };

    public IdleBenchmarkCommand()
        : base("idle", "The export run with nothing new at 10, 100 and 1,000 events: time and storage requests, beside a full pass over every counter.")
    {
        Options.Add(_events);
        Options.Add(_repeat);
        Options.Add(_out);
        SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(_events)!, parseResult.GetValue(_repeat), parseResult.GetValue(_out), cancellationToken));
    }

    private static async Task<int> RunAsync(string eventCounts, int repeat, FileInfo? output, CancellationToken cancellationToken)
    {
        var points = eventCounts.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(BenchmarkSettings.Create(azurite.ConnectionString)).Build();
        var counter = new StorageRequestCounter();
        var services = new ServiceCollection().AddLogging();
        services.AddAttendance(configuration);
        services.AddStoragePipelinePolicy(counter);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var runner = provider.GetRequiredService<ExportRunner>();
        var events = provider.GetRequiredService<EventStore>();
        var intake = provider.GetRequiredService<SubmissionIntake>();
        var regions = provider.GetRequiredService<RegionDirectory>();
        var participants = new Participants(regions);

        var results = new List<IdlePoint>();
        var registered = 0;
        foreach (var target in points)
        {
            Console.Error.WriteLine($"{target} events...");
            await Parallel.ForEachAsync(Enumerable.Range(registered, target - registered), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (number, token) =>
            {
                var eventId = TrainingEvents.Id("event", number);
                var registration = TrainingEvents.Registration(number, regions);
                await events.SaveAsync(eventId, registration, token);
                await intake.AcceptAsync([participants.Submission((long)number * TrainingEvents.Participants, eventId, registration.StartDate)], cancellationToken: token);
            });
            registered = target;
            await runner.RunAsync("benchmark", cancellationToken: cancellationToken);

            var idle = await MeasureAsync(runner, counter, allEvents: false, repeat, cancellationToken);
            var full = await MeasureAsync(runner, counter, allEvents: true, repeat, cancellationToken);
            results.Add(new IdlePoint(target, idle, full));
        }

        Console.WriteLine(Format(results));
        var json = JsonSerializer.Serialize(new { benchmark = "idle", machine = Machine.Current(), repeat, points = results }, JsonOptions);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output.FullName, json + Environment.NewLine, cancellationToken);
        }

        Console.WriteLine(json);
        return 0;
    }

    /// <summary>The median time of <paramref name="repeat"/> runs with nothing new, and the requests of the last.</summary>
    private static async Task<IdleRun> MeasureAsync(ExportRunner runner, StorageRequestCounter counter, bool allEvents, int repeat, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        ExportSummary? summary = null;
        for (var i = 0; i < repeat; i++)
        {
            counter.Reset();
            var clock = Stopwatch.StartNew();
            summary = await runner.RunAsync("benchmark", allEvents, cancellationToken: cancellationToken);
            seconds.Add(clock.Elapsed.TotalSeconds);
            if (summary.Tables.Any(t => t.Changed))
            {
                throw new InvalidOperationException("A run with nothing new changed a table.");
            }
        }

        seconds.Sort();
        return new IdleRun(Math.Round(seconds[seconds.Count / 2], 3), counter.Requests, counter.CounterReads, summary!.EventsRead);
    }

    private static string Format(IEnumerable<IdlePoint> points)
    {
        var text = new StringBuilder();
        text.AppendLine("| events | no-change run s | requests | counter reads | full pass s | requests | counter reads |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in points)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Events:N0} | {p.Idle.Seconds:F3} | {p.Idle.Requests} | {p.Idle.CounterReads} | {p.Full.Seconds:F3} | {p.Full.Requests} | {p.Full.CounterReads} |"));
        }

        return text.ToString();
    }

    private sealed record IdleRun(double Seconds, long Requests, long CounterReads, int EventsRead);

    private sealed record IdlePoint(int Events, IdleRun Idle, IdleRun Full);
}
