using Microsoft.Extensions.Options;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// Log clean-up by the product's clock (PROTOCOL.md "Metadata Cleanup") and removed data files kept for
/// <c>Export:RemovedFileRetention</c>, never a file the table or its newest checkpoint needs.
/// </summary>
public sealed class CleanUpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Commits_older_than_the_log_retention_go_back_to_the_checkpoint_before_the_cutoff_and_the_table_still_reads_whole()
    {
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, clock);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var night = 0; night <= 44; night++)
        {
            (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission($"Malam {night}"), Ct)).Dispose();
            await runner.RunAsync("night", cancellationToken: Ct);
            clock.Now += TimeSpan.FromDays(1);
        }

        // Commits 0-16 were written on days 0-16 (16 is night 16's data, 17 its compaction, also day 16). Night 44's
        // cutoff (30 days) is day 14, commit 14; the newest checkpoint at or before it is 10, so commits 0-9 are gone
        // and checkpoint 10 with its commit stays.
        var read = await DeltaOracle.ReadAsync(Container(api), "attendance", Ct);
        var commits = read.LogFiles.Where(f => f.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(DeltaTable.CommitName(10), commits[0]);
        Assert.Equal(DeltaTable.CommitName(read.Version), commits[^1]);
        Assert.Equal(read.Version - 10 + 1, commits.Count);
        Assert.Equal(
            [DeltaTable.CheckpointName(10), DeltaTable.CheckpointName(20), DeltaTable.CheckpointName(30), DeltaTable.CheckpointName(40)],
            read.LogFiles.Where(f => f.EndsWith(".checkpoint.parquet", StringComparison.Ordinal)));
        Assert.Equal(45, read.Strings("submission_id").Distinct().Count());
        Assert.Equal(45, read.Rows);
        Assert.Equal(read.Version, (await new DeltaTable(Container(api), AnalyticsTables.AttendancePath).LoadAsync(Ct)).Version);
        Assert.Null(read.Checkpoint!.Value.GetProperty("matchesLog").GetString());
    }

    [Fact]
    public async Task A_replaced_events_file_stays_for_the_retention_then_goes_and_the_live_one_always_stays()
    {
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, clock);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("first", cancellationToken: Ct);
        await api.RegisterEventAsync(Lampung.EventId, new { name = "Bimtek SPP-TIK Lampung (diubah)", startDate = "2023-06-05", endDate = "2023-06-08", province = "Lampung" });
        await runner.RunAsync("edited", cancellationToken: Ct);
        Assert.Equal(2, (await DataFilesAsync(api, "events")).Count);

        clock.Now += TimeSpan.FromDays(6);
        await runner.RunAsync("six-days", cancellationToken: Ct);
        Assert.Equal(2, (await DataFilesAsync(api, "events")).Count);

        clock.Now += TimeSpan.FromDays(2);
        await runner.RunAsync("eight-days", cancellationToken: Ct);
        var live = (await new DeltaTable(Container(api), "events").LoadAsync(Ct)).Files.Keys.Single();
        Assert.Equal([$"events/{live}"], await DataFilesAsync(api, "events"));
        Assert.Equal("interval 7 days", (await DeltaOracle.ReadAsync(Container(api), "events", Ct)).Configuration[DeltaTableProperties.DeletedFileRetentionDuration]);
    }

    [Fact]
    public async Task With_a_retention_of_zero_a_replaced_file_goes_at_the_next_run()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Export:RemovedFileRetention"] = "00:00:00" });
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("first", cancellationToken: Ct);
        await api.RegisterEventAsync(Lampung.EventId, new { name = "Bimtek SPP-TIK Lampung (diubah)", startDate = "2023-06-05", endDate = "2023-06-08", province = "Lampung" });
        await runner.RunAsync("edited", cancellationToken: Ct);
        await Task.Delay(10, Ct);
        await runner.RunAsync("next", cancellationToken: Ct);

        var read = await DeltaOracle.ReadAsync(Container(api), "events", Ct);
        Assert.Equal(read.Files.Select(f => $"events/{f}"), await DataFilesAsync(api, "events"));
        Assert.Equal("interval 0 days", read.Configuration[DeltaTableProperties.DeletedFileRetentionDuration]);
    }

    [Fact]
    public async Task An_immediate_clean_up_deletes_every_removed_file_whatever_the_retention_and_leaves_the_tables_whole()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        (await api.Client.PostAsJsonAsync("submissions", new[] { Lampung.Submission("Siti Nur'aini"), Lampung.Submission("Budi Santoso") }, Ct)).Dispose();
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("first", cancellationToken: Ct);

        // A rebuild removes the attendance file, an edited event the events file: both stay for the 7 days' retention.
        await runner.RebuildAttendanceAsync(cancellationToken: Ct);
        await api.RegisterEventAsync(Lampung.EventId, new { name = "Bimtek SPP-TIK Lampung (diubah)", startDate = "2023-06-05", endDate = "2023-06-08", province = "Lampung" });
        await runner.RunAsync("edited", cancellationToken: Ct);

        // A file a run has just written and not yet committed is never taken, not even now.
        var pending = "attendance/part-20991231T000000Z-pending-1.snappy.parquet";
        await Container(api).UploadBlobAsync(pending, BinaryData.FromString("not committed yet"), Ct);

        var cleanUp = api.Services.GetRequiredService<RemovedFileCleanUp>();
        var ordinary = await cleanUp.RunAsync(immediately: false, Ct);
        Assert.All(ordinary.Tables, r => Assert.Equal(0, r.FilesDeleted));
        Assert.Empty(ordinary.PendingChanges);
        Assert.Equal(3, (await DataFilesAsync(api, "attendance")).Count);
        Assert.Equal(2, (await DataFilesAsync(api, "events")).Count);

        var now = await cleanUp.RunAsync(immediately: true, Ct);
        Assert.Equal([("attendance", 1), ("events", 1), ("regions", 0)], now.Tables.Select(r => (r.Table, r.FilesDeleted)));
        foreach (var table in ExportedTables.Paths)
        {
            var read = await DeltaOracle.ReadAsync(Container(api), table, Ct);
            var expected = read.Files.Select(f => $"{table}/{f}").Concat(table == "attendance" ? [pending] : []);
            Assert.Equal(expected.Order(StringComparer.Ordinal), (await DataFilesAsync(api, table)).Order(StringComparer.Ordinal));
        }

        Assert.Equal(2, (await DeltaOracle.ReadAsync(Container(api), "attendance", Ct)).Rows);
    }

    [Fact]
    public void A_negative_removed_file_retention_is_refused_at_start_naming_the_setting()
    {
        var settings = TestSettings.Create(azurite.ConnectionString, new Dictionary<string, string?> { ["Export:RemovedFileRetention"] = "-1.00:00:00" });
        using var services = TestServices.Build(settings);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ExportOptions>>().Value);
        Assert.Contains("Export:RemovedFileRetention", error.Message, StringComparison.Ordinal);
    }

    private static BlobContainerClient Container(ApiServer api) =>
        api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);

    private static async Task<List<string>> DataFilesAsync(ApiServer api, string table) =>
        await Container(api).GetBlobsAsync(new GetBlobsOptions { Prefix = table + "/" }, Ct)
            .Where(b => !b.Name.Contains("/_delta_log/", StringComparison.Ordinal)).Select(b => b.Name).ToListAsync(Ct);
}
