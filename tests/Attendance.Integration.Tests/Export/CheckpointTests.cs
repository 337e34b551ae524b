namespace Attendance.Integration.Tests.Export;

/// <summary>
/// Checkpoints every 10 commits that DuckDB, arrow-rs and hyparquet decode alike and that equal the JSON log; the
/// table loads from checkpoint plus tail; a crash between a commit and its checkpoint is repaired by a later run.
/// </summary>
public sealed class CheckpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_tenth_commit_gets_a_checkpoint_that_three_readers_decode_and_that_equals_the_JSON_log()
    {
        await using var api = await StartAsync();
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var night = 0; night < 25; night++)
        {
            await PostAsync(api, $"Malam {night}");
            await runner.RunAsync("night", cancellationToken: Ct);
        }

        // Versions 0-15 are nights 0-15; night 16 commits 16 and compacts the 17 files in 17; nights 17-24 are 18-25.
        // So the checkpoint of 20 holds the compacted file, nights 17-19 and the compaction's 17 tombstones.
        var table = new DeltaTable(Container(api), AnalyticsTables.AttendancePath);
        var fromCheckpoint = await table.LoadAsync(Ct);
        var fromLog = await DeltaCommitReplay.LoadAsync(Container(api), table, Ct);
        Assert.Equal(20, fromCheckpoint.CheckpointVersion);
        Assert.Equal(-1, fromLog.CheckpointVersion);
        Assert.Equal(Describe(fromLog), Describe(fromCheckpoint));
        Assert.Equal(25, fromCheckpoint.Version);

        var last = await table.ReadLastCheckpointAsync(Ct);
        Assert.Equal(20, last!.Version);
        Assert.Equal(4, last.NumOfAddFiles);
        Assert.Equal(1 + 1 + 1 + 4 + 17, last.Size); // protocol, metaData, one event's txn, adds, tombstones

        var read = await DeltaOracle.ReadAsync(Container(api), "attendance", Ct);
        var checkpoint = read.Checkpoint!.Value;
        Assert.Equal(20, checkpoint.GetProperty("version").GetInt64());
        Assert.True(checkpoint.GetProperty("matchesLog").GetBoolean());
        Assert.Equal(["add", "metaData", "protocol", "remove", "txn"], checkpoint.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(4, checkpoint.GetProperty("adds").GetInt32());
        Assert.Equal(17, checkpoint.GetProperty("removes").GetInt32());
        var types = checkpoint.GetProperty("duckdbTypes");
        Assert.Equal("STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER, readerFeatures VARCHAR[], writerFeatures VARCHAR[])", types.GetProperty("protocol").GetString());
        Assert.Contains("partitionValues MAP(VARCHAR, VARCHAR)", types.GetProperty("add").GetString(), StringComparison.Ordinal);
        Assert.Contains("size BIGINT", types.GetProperty("add").GetString(), StringComparison.Ordinal);
        Assert.Contains("partitionColumns VARCHAR[]", types.GetProperty("metaData").GetString(), StringComparison.Ordinal);
        Assert.Equal("[\"00000000000000000010.checkpoint.parquet\",\"00000000000000000020.checkpoint.parquet\"]",
            System.Text.Json.JsonSerializer.Serialize(read.LogFiles.Where(f => f.Contains("checkpoint", StringComparison.Ordinal))));
        var ids = read.Strings("submission_id");
        Assert.Equal(25, ids.Count);
        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal("10", read.Configuration[DeltaTableProperties.CheckpointInterval]);
    }

    [Fact]
    public async Task A_crash_between_a_commit_and_its_checkpoint_leaves_no_half_checkpoint_and_a_later_run_writes_it()
    {
        var faults = new FaultInjectionPolicy
        {
            Selects = m => m.Request.Method == Azure.Core.RequestMethod.Put && m.Request.Uri.Path.Contains(".checkpoint.parquet", StringComparison.Ordinal),
        };
        await using var api = await StartAsync(s => s.AddStoragePipelinePolicy(faults));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        var table = new DeltaTable(Container(api), AnalyticsTables.AttendancePath);

        // Checkpoint writes fail from the 10th commit on (the block list never commits): each run's data commit stands.
        for (var night = 0; night < 22; night++)
        {
            await PostAsync(api, $"Malam {night}");
            faults.FailEveryRequest = night >= 10;
            try
            {
                await runner.RunAsync("night", cancellationToken: Ct);
                Assert.True(night < 10, "a checkpoint write that fails must fail the run");
            }
            catch (Exception ex) when (faults.Fired && ex is Azure.RequestFailedException or AggregateException)
            {
            }

            var snapshot = await table.LoadAsync(Ct);
            Assert.Equal(-1, snapshot.CheckpointVersion);
            Assert.Equal(night + 1, snapshot.Transactions[AttendanceExport.AppId(Lampung.EventId)]);
        }

        var behind = await table.LoadAsync(Ct);
        Assert.True(behind.Version > 20);

        Assert.Null(await table.ReadLastCheckpointAsync(Ct));
        Assert.DoesNotContain(await Container(api).GetBlobsAsync(new GetBlobsOptions { Prefix = "attendance/_delta_log/" }, Ct).Select(b => b.Name).ToListAsync(Ct),
            name => name.EndsWith(".checkpoint.parquet", StringComparison.Ordinal));

        // Storage is back; a run with nothing new finds the checkpoint more than an interval behind and writes it.
        faults.FailEveryRequest = false;
        var quiet = await runner.RunAsync("repair", cancellationToken: Ct);
        Assert.False(quiet.Tables[0].Changed);
        var repaired = await table.LoadAsync(Ct);
        Assert.Equal(behind.Version, repaired.Version);
        Assert.Equal(behind.Version, repaired.CheckpointVersion);
        Assert.Equal(behind.Version, (await table.ReadLastCheckpointAsync(Ct))!.Version);
        var read = await DeltaOracle.ReadAsync(Container(api), "attendance", Ct);
        Assert.True(read.Checkpoint!.Value.GetProperty("matchesLog").GetBoolean());
        Assert.Equal(22, read.Strings("submission_id").Distinct().Count());
    }

    [Fact]
    public async Task Last_checkpoint_only_moves_forward()
    {
        await using var api = await StartAsync();
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var night = 0; night < 21; night++)
        {
            await PostAsync(api, $"Malam {night}");
            await runner.RunAsync("night", cancellationToken: Ct);
        }

        var table = new DeltaTable(Container(api), AnalyticsTables.AttendancePath);
        Assert.Equal(20, (await table.ReadLastCheckpointAsync(Ct))!.Version);

        // A slow writer finishing the checkpoint of version 10 after version 20's must not move _last_checkpoint back.
        var atTen = DeltaSnapshot.Empty;
        for (var version = 0; version <= 10; version++)
        {
            var commit = await Container(api).DownloadIfExistsAsync(table.LogPrefix + DeltaTable.CommitName(version), Ct);
            atTen.Apply(version, DeltaTable.ParseCommit(commit!.ToMemory().Span));
        }

        await table.WriteCheckpointAsync(atTen, 0, Ct);
        Assert.Equal(20, (await table.ReadLastCheckpointAsync(Ct))!.Version);
        var loaded = await table.LoadAsync(Ct);
        Assert.Equal(20, loaded.CheckpointVersion);
        Assert.Equal(Describe(await DeltaCommitReplay.LoadAsync(Container(api), table, Ct)), Describe(loaded));
    }

    internal static string Describe(DeltaSnapshot snapshot) => System.Text.Json.JsonSerializer.Serialize(new
    {
        snapshot.Version,
        snapshot.Protocol,
        Metadata = snapshot.Metadata is { } m ? new { m.Id, m.Name, m.SchemaString, Configuration = m.Configuration.OrderBy(c => c.Key, StringComparer.Ordinal), m.CreatedTime, m.PartitionColumns } : null,
        Files = snapshot.Files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new { f.Path, f.Size, f.ModificationTime, f.Stats }),
        Transactions = snapshot.Transactions.OrderBy(t => t.Key, StringComparer.Ordinal),
        Tombstones = snapshot.Tombstones.OrderBy(t => t.Key, StringComparer.Ordinal),
    });

    private async Task<ApiServer> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var api = await ApiServer.StartAsync(azurite.ConnectionString, configureServices: configure);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        return api;
    }

    private static async Task PostAsync(ApiServer api, string name)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission(name), Ct);
        response.EnsureSuccessStatusCode();
    }

    private static BlobContainerClient Container(ApiServer api) =>
        api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);
}
