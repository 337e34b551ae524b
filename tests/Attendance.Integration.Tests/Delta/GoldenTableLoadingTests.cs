namespace Attendance.Delta;

/// <summary>
/// <see cref="DeltaTable.LoadAsync"/> on tables Delta Lake itself wrote (its golden tables, uploaded to Azurite as
/// they are): it starts from Delta's checkpoint and gets the live files, tombstones and transactions the JSON log
/// defines, replayed independently by <see cref="GoldenTables.ReplayJson"/>.
/// </summary>
public sealed class GoldenTableLoadingTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("checkpoint", 14)]
    [InlineData("basic-with-inserts-deletes-checkpoint", 13)]
    [InlineData("125-iterator-bug", 11)]
    public async Task A_table_Delta_wrote_loads_from_Deltas_checkpoint_with_the_live_files_its_log_defines(string golden, long last)
    {
        var table = await UploadAsync(golden, _ => true);

        var loaded = await table.LoadAsync(Ct);
        var expected = GoldenTables.ReplayJson(golden, last);
        Assert.Equal(10, loaded.CheckpointVersion);
        Assert.Equal(last, loaded.Version);
        Assert.NotEmpty(expected.Live);
        Assert.Equal(expected.Live, loaded.Files.Keys.ToHashSet());
        Assert.Equal(expected.Tombstones, loaded.Tombstones.Keys.ToHashSet());
        Assert.Equal(new DeltaProtocol(1, 2), loaded.Protocol);

        // Delta's own _last_checkpoint (with its extra checkpointSchema field) reads too.
        Assert.Equal(10, (await table.ReadLastCheckpointAsync(Ct))!.Version);
    }

    [Theory]
    [InlineData("checkpoint", 14)]
    [InlineData("basic-with-inserts-deletes-checkpoint", 13)]
    public async Task After_metadata_clean_up_removed_the_commits_before_Deltas_checkpoint_the_table_still_loads_whole(string golden, long last)
    {
        // What PROTOCOL.md "Metadata Cleanup" may leave: the checkpoint, its commit and the commits after it. The
        // state before version 10 can then only come from Delta's checkpoint, so this fails if it was misread.
        var table = await UploadAsync(golden, name => !name.EndsWith(".json", StringComparison.Ordinal) || long.Parse(name[..20], System.Globalization.CultureInfo.InvariantCulture) >= 10);

        var loaded = await table.LoadAsync(Ct);
        Assert.Equal(10, loaded.CheckpointVersion);
        Assert.Equal(last, loaded.Version);
        Assert.Equal(GoldenTables.ReplayJson(golden, last).Live, loaded.Files.Keys.ToHashSet());
    }

    [Fact]
    public async Task A_txn_Delta_committed_is_the_tables_transaction_version()
    {
        var table = await UploadAsync("deltalog-getChanges", _ => true);

        var loaded = await table.LoadAsync(Ct);
        var expected = GoldenTables.ReplayJson("deltalog-getChanges", 2);
        Assert.Equal(-1, loaded.CheckpointVersion);
        Assert.Equal(new Dictionary<string, long> { ["fakeAppId"] = 3 }, expected.Txn);
        Assert.Equal(expected.Txn, loaded.Transactions);
        Assert.Equal(expected.Live, loaded.Files.Keys.ToHashSet());
    }

    /// <summary>Uploads the golden table's <c>_delta_log</c> files whose names <paramref name="keep"/> accepts into a fresh container.</summary>
    private async Task<DeltaTable> UploadAsync(string golden, Func<string, bool> keep)
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.Container("golden"));
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        var table = new DeltaTable(container, golden);
        foreach (var file in Directory.GetFiles(Path.Combine(GoldenTables.Folder(golden), "_delta_log")).Where(f => keep(Path.GetFileName(f))))
        {
            await using var content = File.OpenRead(file);
            await container.UploadBlobAsync(table.LogPrefix + Path.GetFileName(file), content, Ct);
        }

        return table;
    }
}
