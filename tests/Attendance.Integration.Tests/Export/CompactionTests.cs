namespace Attendance.Integration.Tests.Export;

/// <summary>
/// More than 16 small live files are rewritten into one in a single <c>dataChange: false</c> commit; every
/// submission stays in the table exactly once, also when compactions and exports race.
/// </summary>
public sealed class CompactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_17th_small_file_triggers_one_commit_that_rewrites_them_all_without_moving_the_marks()
    {
        await using var api = await StartAsync();
        var runner = api.Services.GetRequiredService<ExportRunner>();
        var table = new DeltaTable(Container(api), AnalyticsTables.AttendancePath);
        for (var night = 0; night < 16; night++)
        {
            await PostAsync(api, night, 3);
            await runner.RunAsync("night", cancellationToken: Ct);
        }

        Assert.Equal(16, (await table.LoadAsync(Ct)).Files.Count);
        await PostAsync(api, 16, 3);
        await runner.RunAsync("night", cancellationToken: Ct);

        var snapshot = await table.LoadAsync(Ct);
        Assert.Single(snapshot.Files);
        var commit = DeltaTable.ParseCommit((await Container(api).DownloadIfExistsAsync(table.LogPrefix + DeltaTable.CommitName(snapshot.Version), Ct))!.ToMemory().Span).ToList();
        Assert.Equal("OPTIMIZE", commit[0].CommitInfo!.Value.GetProperty("operation").GetString());
        Assert.Equal(17, commit.Count(a => a.Remove is { DataChange: false }));
        Assert.Single(commit, a => a.Add is { DataChange: false });
        Assert.DoesNotContain(commit, a => a.Txn is not null || a.Add is { DataChange: true } || a.Remove is { DataChange: true });

        var read = await DeltaOracle.ReadAsync(Container(api), "attendance", Ct);
        await AssertEveryStoredSubmissionOnceAsync(api, read);
        Assert.Equal(51, read.Txn[AttendanceExport.AppId(Lampung.EventId)]);
        Assert.True((await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct)).IsExact);

        // The next night adds one small file beside the compacted one; nothing is compacted again yet.
        await PostAsync(api, 17, 3);
        await runner.RunAsync("night", cancellationToken: Ct);
        Assert.Equal(2, (await table.LoadAsync(Ct)).Files.Count);
    }

    [Fact]
    public async Task Of_two_compactions_of_the_same_version_one_commits_and_the_other_deletes_its_file()
    {
        // Reach a version where compaction is due but has not happened: the compaction's own commit fails once.
        var faults = CompactionCommitFaults();
        await using var api = await StartAsync(s => s.AddStoragePipelinePolicy(faults));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var night = 0; night < 17; night++)
        {
            await PostAsync(api, night, 2);
            faults.Reset(failRequestNumber: night == 16 ? 2 : 0, afterStorageApplied: false);
            try
            {
                await runner.RunAsync("night", cancellationToken: Ct);
            }
            catch (Exception ex) when (faults.Fired && ex is Azure.RequestFailedException or AggregateException)
            {
            }
        }

        faults.Reset(0, afterStorageApplied: false);
        var container = Container(api);
        var context = new ExportContext(container, TimeProvider.System);
        var table = context.Table(AnalyticsTables.AttendancePath);
        var definition = AnalyticsTables.Attendance(includeNames: false);
        var first = await table.LoadAsync(Ct);
        var second = await table.LoadAsync(Ct);
        Assert.True(FileCompaction<AttendanceRow>.IsDue(first));

        Assert.Equal(17, await new FileCompaction<AttendanceRow>(context, definition, "racer-a").RunIfDueAsync(table, first, Ct));
        Assert.Equal(0, await new FileCompaction<AttendanceRow>(context, definition, "racer-b").RunIfDueAsync(table, second, Ct));

        var after = await table.LoadAsync(Ct);
        Assert.Equal(first.Version, after.Version);
        Assert.Contains("racer-a", Assert.Single(after.Files.Keys), StringComparison.Ordinal);
        var inFolder = await DataFilesAsync(container);
        Assert.DoesNotContain(inFolder, f => f.Contains("racer-b", StringComparison.Ordinal));
        Assert.All(second.Files.Keys.Concat(after.Files.Keys), f => Assert.Contains($"attendance/{f}", inFolder));
        await AssertEveryStoredSubmissionOnceAsync(api, await DeltaOracle.ReadAsync(container, "attendance", Ct));
    }

    [Fact]
    public async Task Overlapping_runs_that_all_want_to_compact_leave_every_submission_once()
    {
        await using var api = await StartAsync();
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var night = 0; night < 16; night++)
        {
            await PostAsync(api, night, 2);
            await runner.RunAsync("night", cancellationToken: Ct);
        }

        await PostAsync(api, 16, 10);
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => runner.RunAsync("overlap", cancellationToken: Ct), Ct)).ToList();
        await PostAsync(api, 17, 3);
        runs.Add(Task.Run(() => runner.RunAsync("overlap", cancellationToken: Ct), Ct));
        await Task.WhenAll(runs);
        await runner.RunAsync("after", cancellationToken: Ct);

        var read = await DeltaOracle.ReadAsync(Container(api), "attendance", Ct);
        await AssertEveryStoredSubmissionOnceAsync(api, read);
        Assert.InRange(read.Files.Count, 1, 3);
        var live = read.Files.Select(f => $"attendance/{f}").Order(StringComparer.Ordinal).ToList();
        var inFolder = await DataFilesAsync(Container(api));
        Assert.All(live, f => Assert.Contains(f, inFolder));
        Assert.True((await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct)).IsExact);
    }

    [Fact]
    public async Task A_compaction_that_crashes_before_its_commit_leaves_the_table_as_it_was_and_the_next_run_compacts()
    {
        var faults = CompactionCommitFaults();
        await using var api = await StartAsync(s => s.AddStoragePipelinePolicy(faults));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var night = 0; night < 16; night++)
        {
            await PostAsync(api, night, 2);
            await runner.RunAsync("night", cancellationToken: Ct);
        }

        // The 17th night's data commit is the 1st selected request; the compaction's commit the 2nd.
        await PostAsync(api, 16, 2);
        faults.Reset(failRequestNumber: 2, afterStorageApplied: false);
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => runner.RunAsync("crash", cancellationToken: Ct));
        Assert.True(faults.Fired);
        var table = new DeltaTable(Container(api), AnalyticsTables.AttendancePath);
        Assert.Equal(17, (await table.LoadAsync(Ct)).Files.Count);
        await AssertEveryStoredSubmissionOnceAsync(api, await DeltaOracle.ReadAsync(Container(api), "attendance", Ct));

        faults.Reset(0, afterStorageApplied: false);
        await runner.RunAsync("next", cancellationToken: Ct);
        Assert.Single((await table.LoadAsync(Ct)).Files);
        await AssertEveryStoredSubmissionOnceAsync(api, await DeltaOracle.ReadAsync(Container(api), "attendance", Ct));
    }

    /// <summary>Selects the attendance table's commit creations: a run's data commit, then its compaction's.</summary>
    private static FaultInjectionPolicy CompactionCommitFaults() => new()
    {
        Selects = m => m.Request.Method == Azure.Core.RequestMethod.Put && m.Request.Uri.Path.Contains("/attendance/_delta_log/0", StringComparison.Ordinal)
            && m.Request.Uri.Path.EndsWith(".json", StringComparison.Ordinal),
    };

    private static async Task AssertEveryStoredSubmissionOnceAsync(ApiServer api, DeltaRead read)
    {
        var store = api.Services.GetRequiredService<SubmissionStore>();
        var last = await store.GetLastSequenceAsync(Lampung.EventId, Ct);
        var mark = read.Txn[AttendanceExport.AppId(Lampung.EventId)];
        var expected = await store.ReadAsync(Lampung.EventId, 0, mark, Ct).Select(s => s.SubmissionId).ToListAsync(Ct);
        var ids = read.Strings("submission_id");
        Assert.Equal(expected.Count, ids.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.True(mark <= last);
    }

    private async Task<ApiServer> StartAsync(Action<IServiceCollection>? configure = null)
    {
        // No pipeline retries: an injected fault must reach the export, as a crash would.
        var api = await ApiServer.StartAsync(azurite.ConnectionString, configureServices: configure,
            settings: configure is null ? null : new Dictionary<string, string?> { ["AttendanceStorage:MaxRetries"] = "0" });
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        return api;
    }

    private static async Task PostAsync(ApiServer api, int night, int count)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", Enumerable.Range(0, count).Select(i => Lampung.Submission($"Malam {night} Peserta {i}")).ToArray(), Ct);
        response.EnsureSuccessStatusCode();
    }

    private static BlobContainerClient Container(ApiServer api) =>
        api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);

    private static async Task<List<string>> DataFilesAsync(BlobContainerClient container) =>
        await container.GetBlobsAsync(new GetBlobsOptions { Prefix = "attendance/" }, Ct)
            .Where(b => !b.Name.Contains("/_delta_log/", StringComparison.Ordinal)).Select(b => b.Name).Order(StringComparer.Ordinal).ToListAsync(Ct);
}
