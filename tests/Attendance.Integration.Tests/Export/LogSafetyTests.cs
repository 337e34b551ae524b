namespace Attendance.Integration.Tests.Export;

/// <summary>
/// What PROTOCOL.md asks of a writer that readers rely on: a checkpoint is never overwritten in place,
/// <c>_last_checkpoint</c> never names a checkpoint clean-up deleted (and a stale one is repaired), and no data file
/// name is ever written twice.
/// </summary>
public sealed class LogSafetyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_checkpoint_that_exists_is_never_overwritten()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await NightsAsync(api, 11);
        var table = new DeltaTable(Container(api), AnalyticsTables.AttendancePath);
        var checkpoint = Container(api).GetBlobClient(table.LogPrefix + DeltaTable.CheckpointName(10));
        var before = (await checkpoint.GetPropertiesAsync(cancellationToken: Ct)).Value;

        // A second writer of the same version (a run that raced the first): its write is refused, the first stands.
        var snapshot = await table.LoadAsync(Ct);
        Assert.Equal(10, snapshot.Version);
        Assert.Equal(0, await table.WriteCheckpointAsync(snapshot, long.MaxValue, Ct));

        var after = (await checkpoint.GetPropertiesAsync(cancellationToken: Ct)).Value;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.ContentLength, after.ContentLength);
    }

    [Fact]
    public async Task A_stale_last_checkpoint_is_repaired_by_the_next_run_and_clean_up_keeps_the_checkpoint_it_names()
    {
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, clock);
        await NightsAsync(api, 21, clock);
        var table = new DeltaTable(Container(api), AnalyticsTables.AttendancePath, clock);
        Assert.Equal(20, (await table.ReadLastCheckpointAsync(Ct))!.Version);

        // A run that crashed between its checkpoint and _last_checkpoint leaves it naming an older checkpoint.
        var pointer = Container(api).GetBlobClient(table.LastCheckpointBlobName);
        await pointer.UploadAsync(BinaryData.FromString("""{"version":10,"size":4,"sizeInBytes":1,"numOfAddFiles":1}"""), overwrite: true, Ct);

        // Clean-up on its own, told what _last_checkpoint names, keeps that checkpoint even when the retention would
        // let it go (everything is older than a zero retention).
        var snapshot = await table.LoadAsync(Ct);
        await table.CleanUpLogAsync(snapshot, TimeSpan.Zero, lastCheckpointVersion: 10, Ct);
        var afterCleanUp = await LogFilesAsync(api);
        Assert.Contains(DeltaTable.CheckpointName(10), afterCleanUp);
        Assert.Contains(DeltaTable.CommitName(10), afterCleanUp);
        Assert.DoesNotContain(DeltaTable.CommitName(9), afterCleanUp);

        // The next run, with nothing new, repairs the pointer to the newest checkpoint from what that checkpoint holds.
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("repair", cancellationToken: Ct);
        var repaired = (await table.ReadLastCheckpointAsync(Ct))!;
        Assert.Equal(20, repaired.Version);
        var read = await DeltaOracle.ReadAsync(Container(api), "attendance", Ct);
        Assert.Equal(read.Checkpoint!.Value.GetProperty("actions").GetInt64(), repaired.Size);
        Assert.Equal(read.Checkpoint!.Value.GetProperty("adds").GetInt64(), repaired.NumOfAddFiles);
        Assert.Equal(21, read.Rows);
    }

    [Fact]
    public async Task Events_that_change_back_get_a_new_file_and_no_data_file_name_is_ever_written_twice()
    {
        // A clock that stands still: the event's updated_at, and so the file's bytes, are the same for A and A again.
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(DateTimeOffset.UtcNow));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        var original = new { name = "Bimtek SPP-TIK Lampung", startDate = "2023-06-05", endDate = "2023-06-08", province = "Lampung" };
        var edited = original with { name = "Bimtek SPP-TIK Lampung (diubah)" };
        foreach (var registration in new[] { original, edited, original })
        {
            await api.RegisterEventAsync(Lampung.EventId, registration);
            await runner.RunAsync("night", cancellationToken: Ct);
        }

        // Event content A, B, A: three adds, three names; the third is not the first's removed name.
        var actions = await ActionsAsync(api, "events");
        var adds = actions.Where(a => a.TryGetProperty("add", out _)).Select(a => a.GetProperty("add").GetProperty("path").GetString()!).ToList();
        Assert.Equal(3, adds.Count);
        Assert.Equal(adds.Count, adds.Distinct().Count());
        Assert.Equal(adds[0].Split('-')[1], adds[2].Split('-')[1]); // same content hash
        var read = await DeltaOracle.ReadAsync(Container(api), "events", Ct);
        Assert.Equal([adds[2]], read.Files);
        Assert.Equal(["Bimtek SPP-TIK Lampung"], read.Strings("name"));

        // Each remove records the removed file's size and partition values, as Delta's own writers do.
        var sizes = actions.Where(a => a.TryGetProperty("add", out _)).ToDictionary(a => a.GetProperty("add").GetProperty("path").GetString()!, a => a.GetProperty("add").GetProperty("size").GetInt64());
        var removes = actions.Where(a => a.TryGetProperty("remove", out _)).Select(a => a.GetProperty("remove")).ToList();
        Assert.Equal([adds[0], adds[1]], removes.Select(r => r.GetProperty("path").GetString()));
        Assert.All(removes, r =>
        {
            Assert.True(r.GetProperty("extendedFileMetadata").GetBoolean());
            Assert.Equal(sizes[r.GetProperty("path").GetString()!], r.GetProperty("size").GetInt64());
            Assert.Empty(r.GetProperty("partitionValues").EnumerateObject());
        });
    }

    private static async Task NightsAsync(ApiServer api, int nights, ManualTime? clock = null)
    {
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var night = 0; night < nights; night++)
        {
            using var response = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission($"Malam {night}"), Ct);
            response.EnsureSuccessStatusCode();
            await runner.RunAsync("night", cancellationToken: Ct);
            if (clock is not null)
            {
                clock.Now += TimeSpan.FromDays(1);
            }
        }
    }

    private static async Task<List<string>> LogFilesAsync(ApiServer api)
    {
        var names = new List<string>();
        await foreach (var blob in Container(api).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "attendance/_delta_log/" }, Ct))
        {
            names.Add(blob.Name["attendance/_delta_log/".Length..]);
        }

        return names;
    }

    /// <summary>Every action of every commit of the table, in commit order.</summary>
    private static async Task<List<JsonElement>> ActionsAsync(ApiServer api, string table)
    {
        var actions = new List<JsonElement>();
        var delta = new DeltaTable(Container(api), table);
        for (var version = 0L; ; version++)
        {
            var content = await Container(api).DownloadIfExistsAsync(delta.LogPrefix + DeltaTable.CommitName(version), Ct);
            if (content is null)
            {
                return actions;
            }

            actions.AddRange(content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()));
        }
    }

    private static BlobContainerClient Container(ApiServer api) =>
        api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);
}
