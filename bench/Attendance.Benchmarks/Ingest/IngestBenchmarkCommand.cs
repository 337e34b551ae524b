using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Attendance.Api;
using Attendance.Benchmarks.Emulator;
using Attendance.Benchmarks.Load;
using Attendance.Regions;
using Attendance.Storage;
using Azure.Data.Tables;
using Attendance.Submissions;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Benchmarks.Ingest;

/// <summary>
/// <c>ingest [--seconds N] [--out FILE.json]</c>: submissions per second and p50/p99 latency through the real API
/// (<see cref="LocalServer"/> on 127.0.0.1, real HTTP) for single posts at 1, 8 and 32 concurrent clients and for
/// batches of 100, to one event and spread over many; the same intake without HTTP; and, in the same run against
/// the same Azurite, raw single-entity inserts and 100-entity transactions, so the API's overhead shows. Last, the
/// webinar burst (<see cref="WebinarBurst"/>): thousands of sign-ins to one event over several servers on one storage.
/// </summary>
/// <remarks>
/// The server runs in this process: one process to start and stop, the server's own storage stack reused for the
/// raw cases, and on a shared 2-core machine a child process would not get CPUs of its own anyway. Azurite is a
/// child process (it is Node.js) with in-memory persistence.
/// </remarks>
internal sealed class IngestBenchmarkCommand : Command
{
    private static readonly int[] Concurrencies = [1, 8, 32];
    private static readonly int[] BatchConcurrencies = [1, 8];
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Option<int> _seconds = new("--seconds") { Description = "Seconds each case runs.", DefaultValueFactory = _ => 10 };
    private readonly Option<FileInfo?> _out = new("--out") { Description = "Also write the JSON result here." };
    private readonly Option<int> _events = new("--events") { Description = "Events the spread cases post to.", DefaultValueFactory = _ => 64 };
    private readonly Option<int> _warmup = new("--warmup") { Description = "Seconds of warm-up per kind of case, not measured.", DefaultValueFactory = _ => 3 };
    private readonly Option<int> _burst = new("--burst") { Description = "Sign-ins of the webinar burst to one event (0: no burst).", DefaultValueFactory = _ => 3000 };
    private readonly Option<int> _burstClients = new("--burst-clients") { Description = "Concurrent clients of the burst.", DefaultValueFactory = _ => 64 };
    private readonly Option<int> _instances = new("--instances") { Description = "Servers on the one storage the burst is spread over.", DefaultValueFactory = _ => 2 };

    public IngestBenchmarkCommand()
        : base("ingest", "Submissions per second and p50/p99 latency through the API at 1, 8 and 32 clients and in batches of 100, beside raw Azurite inserts.")
    {
        Options.Add(_seconds);
        Options.Add(_out);
        Options.Add(_events);
        Options.Add(_warmup);
        Options.Add(_burst);
        Options.Add(_burstClients);
        Options.Add(_instances);
        SetAction((parseResult, cancellationToken) => RunAsync(
            TimeSpan.FromSeconds(parseResult.GetValue(_seconds)),
            parseResult.GetValue(_out),
            parseResult.GetValue(_events),
            TimeSpan.FromSeconds(parseResult.GetValue(_warmup)),
            (parseResult.GetValue(_burst), parseResult.GetValue(_burstClients), parseResult.GetValue(_instances)),
            cancellationToken));
    }

    private static async Task<int> RunAsync(
        TimeSpan duration, FileInfo? output, int spreadEvents, TimeSpan warmup, (int SignIns, int Clients, int Instances) burst,
        CancellationToken cancellationToken = default)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var settings = BenchmarkSettings.Create(azurite.ConnectionString);

        // The first server takes every case; the others join it on the same storage for the burst.
        var servers = new List<(WebApplication App, HttpClient Client, StorageRequestCounter Storage)>();
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue };
        try
        {
            for (var i = 0; i < Math.Max(1, burst.Instances); i++)
            {
                var storage = new StorageRequestCounter();
                var (instance, _) = LocalServer.Build("http://127.0.0.1:0", settings, runSchedule: false, s => s.AddStoragePipelinePolicy(storage, HttpPipelinePosition.PerCall));
                await instance.StartAsync(cancellationToken);
                var address = instance.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(address.TrimEnd('/') + "/api/"), Timeout = TimeSpan.FromMinutes(2) };
                http.DefaultRequestHeaders.Add("x-functions-key", settings["Auth:FunctionKey"]);
                servers.Add((instance, http, storage));
            }

            return await RunCasesAsync(azurite, settings, servers, duration, output, spreadEvents, warmup, burst, cancellationToken);
        }
        finally
        {
            foreach (var (instance, http, _) in servers)
            {
                http.Dispose();
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunCasesAsync(
        AzuriteProcess azurite, Dictionary<string, string?> settings, List<(WebApplication App, HttpClient Client, StorageRequestCounter Storage)> servers,
        TimeSpan duration, FileInfo? output, int spreadEvents, TimeSpan warmup, (int SignIns, int Clients, int Instances) burst,
        CancellationToken cancellationToken)
    {
        var (app, client, counter) = servers[0];
        var workload = new IngestWorkload(
            client, settings["Auth:AdminKey"]!, app.Services.GetRequiredService<SubmissionIntake>(),
            app.Services.GetRequiredService<TableServiceClient>(), app.Services.GetRequiredService<RegionDirectory>());
        var (rawTable, templates) = await workload.PrepareRawAsync("benchraw", cancellationToken);

        // Every case gets events of its own, registered before any timing, so one case's rows never share a
        // partition (or a counter) with another's.
        var plan = new List<(string Kind, string Layout, int Concurrency, int Events)>();
        foreach (var (layout, events) in new[] { ("one-event", 1), ($"{spreadEvents}-events", spreadEvents) })
        {
            plan.AddRange(Concurrencies.Select(c => ("api-single", layout, c, events)));
            plan.AddRange(BatchConcurrencies.Select(c => ("api-batch100", layout, c, events)));
        }

        plan.AddRange(Concurrencies.Select(c => ("intake-single", $"{spreadEvents}-events", c, spreadEvents)));
        var cases = new List<LoadCase>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (kind, layout, concurrency, count) = plan[i];
            var events = await workload.RegisterEventsAsync(string.Create(CultureInfo.InvariantCulture, $"case{i:D2}"), count, cancellationToken);
            cases.Add(new LoadCase(kind, layout, concurrency, kind switch
            {
                "api-single" => workload.PostOne(events),
                "api-batch100" => workload.PostBatch(events),
                _ => workload.AcceptOne(events),
            }));
        }

        cases.AddRange(Concurrencies.Select(c => new LoadCase("raw-insert", $"{spreadEvents}-partitions", c, IngestWorkload.InsertOne(rawTable, templates, $"raw{c}", spreadEvents))));
        cases.AddRange(BatchConcurrencies.Select(c => new LoadCase("raw-batch100", "partition-per-request", c, IngestWorkload.InsertBatch(rawTable, templates, $"rawbatch{c}"))));

        var runner = new LoadRunner(azurite, counter);
        Console.Error.WriteLine($"Warming up ({warmup.TotalSeconds:F0} s per kind)...");
        foreach (var load in new[]
        {
            new LoadCase("api-single", "warmup", 8, workload.PostOne(await workload.RegisterEventsAsync("warmup0", 1, cancellationToken))),
            new LoadCase("api-single", "warmup", 8, workload.PostOne(await workload.RegisterEventsAsync("warmup1", spreadEvents, cancellationToken))),
            new LoadCase("api-batch100", "warmup", 2, workload.PostBatch(await workload.RegisterEventsAsync("warmup2", spreadEvents, cancellationToken))),
            new LoadCase("intake-single", "warmup", 8, workload.AcceptOne(await workload.RegisterEventsAsync("warmup3", spreadEvents, cancellationToken))),
            new LoadCase("raw-insert", "warmup", 8, IngestWorkload.InsertOne(rawTable, templates, "rawwarm", spreadEvents)),
            new LoadCase("raw-batch100", "warmup", 2, IngestWorkload.InsertBatch(rawTable, templates, "rawbatchwarm")),
        })
        {
            await runner.RunAsync(load, warmup, cancellationToken);
        }

        var results = new List<CaseResult>();
        foreach (var load in cases)
        {
            Console.Error.WriteLine($"Running {load.Name} for {duration.TotalSeconds:F0} s...");
            results.Add(await runner.RunAsync(load, duration, cancellationToken));
        }

        BurstResult? burstResult = null;
        if (burst.SignIns > 0)
        {
            Console.Error.WriteLine($"Burst: {burst.SignIns} sign-ins to one event, {burst.Clients} clients, {servers.Count} servers...");
            var (eventId, start) = (await workload.RegisterEventsAsync("burst", 1, cancellationToken))[0];
            var webinar = new WebinarBurst(azurite, new Participants(app.Services.GetRequiredService<RegionDirectory>()),
                app.Services.GetRequiredService<TableServiceClient>().GetTableClient(BenchmarkSettings.SubmissionsTable));
            burstResult = await webinar.RunAsync(
                [.. servers.Select(s => s.Client)], [.. servers.Select(s => s.Storage)], eventId, start, burst.SignIns, burst.Clients, cancellationToken);
        }

        Console.WriteLine(ResultTable.Format(results));
        var json = JsonSerializer.Serialize(
            new IngestReport("ingest", Machine.Current(), duration.TotalSeconds, spreadEvents, results.Select(Rounded).ToList(), burstResult), JsonOptions);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output.FullName, json + Environment.NewLine, cancellationToken);
        }

        Console.WriteLine(json);
        return 0;
    }

    private static CaseResult Rounded(CaseResult r) => r with
    {
        Seconds = Math.Round(r.Seconds, 2),
        ItemsPerSecond = Math.Round(r.ItemsPerSecond, 1),
        RequestsPerSecond = Math.Round(r.RequestsPerSecond, 1),
        P50Ms = Math.Round(r.P50Ms, 2),
        P99Ms = Math.Round(r.P99Ms, 2),
        AzuriteCpuCores = Math.Round(r.AzuriteCpuCores, 2),
        ProcessCpuCores = Math.Round(r.ProcessCpuCores, 2),
        StorageRequestsPerItem = Math.Round(r.StorageRequestsPerItem, 3),
    };
}
