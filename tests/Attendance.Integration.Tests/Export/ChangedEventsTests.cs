using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// The index of events changed since the last run (<see cref="ChangedEvents"/>): a run with nothing new reads no
/// counter; the first run without a complete index reads every counter; and a sign-in that races the export while it
/// takes an event off the index, at any step, is exported by the next run.
/// </summary>
public sealed class ChangedEventsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_run_with_nothing_new_reads_no_counter_and_one_with_a_new_sign_in_reads_only_its_events()
    {
        var counterReads = new FaultInjectionPolicy { Selects = IsCounterRead };
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, configureServices: s => s.AddStoragePipelinePolicy(counterReads));
        await RegisterEventsAsync(api, 5);
        await api.PostLampungAsync(Enumerable.Range(0, 6).Select(i => $"Peserta {i}"));
        var runner = api.Services.GetRequiredService<ExportRunner>();

        var first = await runner.RunAsync("first", cancellationToken: Ct);
        Assert.True(first.AllEvents);
        Assert.Equal(6, first.EventsRead);
        Assert.Equal(11, first.Tables[0].RowsAdded);

        counterReads.Reset(0, afterStorageApplied: false);
        var idle = await runner.RunAsync("nothing-new", cancellationToken: Ct);
        Assert.False(idle.AllEvents);
        Assert.Equal(0, idle.EventsRead);
        Assert.Equal(0, counterReads.RequestsSeen);
        Assert.False(idle.Tables[0].Changed);

        await api.PostLampungAsync(["Peserta Baru"]);
        counterReads.Reset(0, afterStorageApplied: false);
        var urisBefore = counterReads.Uris.Count;
        var next = await runner.RunAsync("one-new", cancellationToken: Ct);
        Assert.Equal((false, 1, 1L), (next.AllEvents, next.EventsRead, next.Tables[0].RowsAdded));

        // Its counter at the cutoff, for the contacts (its retention ran out) and to take it off the index; none of
        // the five quiet events, whose retention ran out too.
        Assert.Equal(3, counterReads.RequestsSeen);
        Assert.All(counterReads.Uris.Skip(urisBefore), uri => Assert.Contains(Lampung.EventId, Uri.UnescapeDataString(uri), StringComparison.Ordinal));

        counterReads.Reset(0, afterStorageApplied: false);
        Assert.Equal(0, (await runner.RunAsync("quiet-again", cancellationToken: Ct)).EventsRead);
        Assert.Equal(0, counterReads.RequestsSeen);
        Assert.True((await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct)).IsExact);
    }

    [Fact]
    public async Task The_first_run_without_an_index_record_reads_every_counter_and_exports_what_was_stored_before_it()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await api.PostLampungAsync(Enumerable.Range(0, 4).Select(i => $"Peserta {i}"));
        await runner.RunAsync("first", cancellationToken: Ct);

        // As a store written before the index existed: sign-ins stored, no marker, no flag, no index record.
        await api.PostLampungAsync(Enumerable.Range(4, 3).Select(i => $"Peserta {i}"));
        var table = SubmissionsTable(api);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == SubmissionRows.IndexPartition, cancellationToken: Ct))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: Ct);
        }

        var counter = (await table.GetEntityAsync<TableEntity>(Lampung.EventId, SubmissionRows.CounterKey, cancellationToken: Ct)).Value;
        counter.Remove(SubmissionRows.ListedProperty);
        await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace, Ct);

        var upgraded = await runner.RunAsync("after-upgrade", cancellationToken: Ct);

        Assert.True(upgraded.AllEvents);
        Assert.Equal(3, upgraded.Tables[0].RowsAdded);
        var after = await runner.RunAsync("indexed", cancellationToken: Ct);
        Assert.Equal((false, 0), (after.AllEvents, after.EventsRead));

        // Asked for, a full pass reads every counter again and finds nothing more.
        var asked = await runner.RunAsync("asked", allEvents: true, cancellationToken: Ct);
        Assert.Equal((true, 1, 0L), (asked.AllEvents, asked.EventsRead, asked.Tables[0].RowsAdded));
        Assert.True((await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct)).IsExact);
    }

    [Fact]
    public async Task An_export_to_another_container_reads_every_counter()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.PostLampungAsync(Enumerable.Range(0, 3).Select(i => $"Peserta {i}"));
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("first", cancellationToken: Ct);

        var settings = new Dictionary<string, string?>(api.Settings) { ["Export:Container"] = StorageNames.Container("other") };
        await using var services = TestServices.Build(settings);
        var other = await services.GetRequiredService<ExportRunner>().RunAsync("other-container", cancellationToken: Ct);

        Assert.Equal((true, 3L), (other.AllEvents, other.Tables[0].RowsAdded));
    }

    public static TheoryData<ClearingStep, bool> Steps()
    {
        var data = new TheoryData<ClearingStep, bool>();
        foreach (var step in Enum.GetValues<ClearingStep>())
        {
            data.Add(step, false);
            data.Add(step, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_sign_in_racing_the_export_while_it_takes_an_event_off_the_index_is_exported_by_the_next_run(ClearingStep step, bool afterTheStep)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.PostLampungAsync(Enumerable.Range(0, 3).Select(i => $"Peserta {i}"));
        var race = new StepPolicy(step, afterTheStep, () => api.PostLampungAsync(["Peserta Balapan"]));
        await using var services = TestServices.Build(new Dictionary<string, string?>(api.Settings), configure: s => s.AddStoragePipelinePolicy(race));
        var runner = services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("first", cancellationToken: Ct);
        await api.PostLampungAsync(["Peserta 3", "Peserta 4"]);

        race.Arm();
        var racing = await runner.RunAsync("racing", cancellationToken: Ct);
        Assert.True(race.Fired, $"the run made no {step} request");
        Assert.False(racing.AllEvents);

        var next = await runner.RunAsync("next", cancellationToken: Ct);

        Assert.False(next.AllEvents);
        var table = await DeltaOracle.ReadAsync(api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container), "attendance", Ct);
        var stored = await api.StoredLampungIdsAsync();
        Assert.Equal(6, stored.Count);
        Assert.Equal(stored.Order(StringComparer.Ordinal), table.Strings("submission_id").Order(StringComparer.Ordinal));
        Assert.Equal(6, table.Txn[AttendanceExport.AppId(Lampung.EventId)]);

        // Once taken, the event is off the index: the run after reads no counter.
        Assert.Equal(0, (await runner.RunAsync("quiet", cancellationToken: Ct)).EventsRead);
    }

    /// <summary>The requests the export makes to take an event off the index, in order.</summary>
    public enum ClearingStep
    {
        /// <summary>The counter read again (the second read of the run; the first is the cutoff).</summary>
        ReadCounter,

        /// <summary>The counter replaced without the flag.</summary>
        ReplaceCounter,

        /// <summary>The marker deleted.</summary>
        DeleteMarker,
    }

    /// <summary>Runs an action (a sign-in) once, just before or just after the chosen step's request, once armed.</summary>
    private sealed class StepPolicy(ClearingStep step, bool afterTheStep, Func<Task> action) : HttpPipelinePolicy
    {
        private int counterReads;
        private int armed;

        public bool Fired { get; private set; }

        public void Arm()
        {
            counterReads = 0;
            Volatile.Write(ref armed, 1);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var fire = Volatile.Read(ref armed) == 1 && IsStep(message) && Interlocked.Exchange(ref armed, 0) == 1;
            if (fire && !afterTheStep)
            {
                Fired = true;
                await action();
            }

            await ProcessNextAsync(message, pipeline);
            if (fire && afterTheStep)
            {
                Fired = true;
                await action();
            }
        }

        private bool IsStep(HttpMessage message)
        {
            var uri = Uri.UnescapeDataString(message.Request.Uri.ToString());
            var method = message.Request.Method;
            return step switch
            {
                ClearingStep.ReadCounter => method == RequestMethod.Get && uri.Contains("RowKey='counter'", StringComparison.Ordinal) && ++counterReads == 2,
                ClearingStep.ReplaceCounter => method == RequestMethod.Put && uri.Contains("RowKey='counter'", StringComparison.Ordinal),
                ClearingStep.DeleteMarker => method == RequestMethod.Delete && uri.Contains($"RowKey='{SubmissionRows.MarkerKey(Lampung.EventId)}'", StringComparison.Ordinal),
                _ => false,
            };
        }
    }

    private static bool IsCounterRead(HttpMessage message) =>
        message.Request.Method == RequestMethod.Get
        && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains("RowKey='counter'", StringComparison.Ordinal);

    private static async Task RegisterEventsAsync(ApiServer api, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var eventId = $"bimtek-sepi-{i}";
            await api.RegisterEventAsync(eventId, Lampung.Registration);
            var submission = Lampung.Submission("Peserta Sepi");
            submission["eventId"] = eventId;
            using var response = await api.Client.PostAsJsonAsync("submissions", submission, Ct);
            response.EnsureSuccessStatusCode();
        }
    }

    private static TableClient SubmissionsTable(ApiServer api) =>
        api.Services.GetRequiredService<TableServiceClient>().GetTableClient(api.Settings["Store:SubmissionsTable"]);
}
