namespace Attendance.Delta;

/// <summary>
/// The product's log reading (<see cref="DeltaCheckpoint.ReadAsync"/>, <see cref="DeltaCheckpoint.ToActions"/>,
/// <see cref="DeltaTable.ParseCommit"/>, <see cref="DeltaSnapshot"/>) on tables Delta Lake itself wrote: started from
/// Delta's checkpoint, as a reader after log clean-up must, it gets the live files, tombstones and transactions that
/// the JSON commits define (<see cref="GoldenTables.ReplayJson"/>, which shares no code with the product).
/// </summary>
public sealed class GoldenLogLoadingTests
{
    [Theory]
    [InlineData("checkpoint", 14)]
    [InlineData("basic-with-inserts-deletes-checkpoint", 13)]
    [InlineData("125-iterator-bug", 11)]
    public async Task Deltas_checkpoint_plus_the_commits_after_it_give_the_live_files_its_log_defines(string table, long last)
    {
        var snapshot = await LoadFromCheckpointAsync(table, 10);
        for (var version = 11; version <= last; version++)
        {
            snapshot.Apply(version, DeltaTable.ParseCommit(File.ReadAllBytes(GoldenTables.LogFile(table, DeltaTable.CommitName(version)))));
        }

        var expected = GoldenTables.ReplayJson(table, last);
        Assert.Equal(last, snapshot.Version);
        Assert.NotEmpty(expected.Live);
        Assert.Equal(expected.Live, snapshot.Files.Keys.ToHashSet());
        Assert.Equal(expected.Tombstones, snapshot.Tombstones.Keys.ToHashSet());
        Assert.Equal(new DeltaProtocol(1, 2), snapshot.Protocol);
        Assert.Equal("testId", snapshot.Metadata!.Id);
    }

    [Fact]
    public async Task Deltas_checkpoint_alone_holds_the_state_of_its_version_with_sizes_stats_and_tombstone_fields()
    {
        // Spot values read off the fixture's JSON commits by hand, so this does not rest on GoldenTables either.
        var snapshot = await LoadFromCheckpointAsync("basic-with-inserts-deletes-checkpoint", 10);
        Assert.Equal(6, snapshot.Files.Count);
        var first = snapshot.Files["part-00000-ca2d0b26-c15c-454f-a933-fc724e15e5f1-c000.snappy.parquet"];
        Assert.Equal(500, first.Size);
        Assert.Equal(1691426737139, first.ModificationTime);
        Assert.Equal("{\"numRecords\":5,\"minValues\":{\"id\":0},\"maxValues\":{\"id\":4},\"nullCount\":{\"id\":0}}", first.Stats);
        Assert.Equal(1691426737143, snapshot.Tombstones["part-00000-b09fdf65-0ae3-44d0-96d0-1d85a121b76a-c000.snappy.parquet"]);

        var checkpoint = await LoadFromCheckpointAsync("checkpoint", 10);
        Assert.Equal(["11"], checkpoint.Files.Keys);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            checkpoint.Tombstones.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Deltas_txn_and_cdc_actions_replay_to_the_transaction_version_and_leave_files_alone()
    {
        const string table = "deltalog-getChanges";
        var snapshot = DeltaSnapshot.Empty;
        foreach (var version in GoldenTables.CommitVersions(table))
        {
            snapshot.Apply(version, DeltaTable.ParseCommit(File.ReadAllBytes(GoldenTables.LogFile(table, DeltaTable.CommitName(version)))));
        }

        var expected = GoldenTables.ReplayJson(table, 2);
        Assert.Equal(new Dictionary<string, long> { ["fakeAppId"] = 3 }, expected.Txn);
        Assert.Equal(expected.Txn, snapshot.Transactions);
        Assert.Equal(expected.Live, snapshot.Files.Keys.ToHashSet());
        Assert.Equal(["fake/path/1"], snapshot.Tombstones.Keys);
    }

    private static async Task<DeltaSnapshot> LoadFromCheckpointAsync(string table, long version)
    {
        await using var input = File.OpenRead(GoldenTables.Checkpoint(table, version));
        return DeltaSnapshot.FromCheckpoint(version, DeltaCheckpoint.ToActions(await DeltaCheckpoint.ReadAsync(input, Ct)));
    }
}
