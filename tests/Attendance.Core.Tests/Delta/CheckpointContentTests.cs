using System.Text.Json.Nodes;

namespace Attendance.Delta;

/// <summary>
/// The product's checkpoint of a log Delta Lake wrote holds the same actions as the checkpoint Delta wrote for that
/// version, field by field, as DuckDB, arrow-rs and hyparquet decode both (tests/oracles/checkpoint-actions.mjs);
/// and the fields the product's own commits carry reach its checkpoints.
/// </summary>
public sealed class CheckpointContentTests
{
    [Theory]
    [InlineData("checkpoint", 10, 0)]
    [InlineData("basic-with-inserts-deletes-checkpoint", 5, 5)]
    public async Task Our_checkpoint_of_Deltas_log_holds_the_actions_of_Deltas_own_checkpoint(string table, int removes, int removesWithSize)
    {
        var ours = await GoldenTables.WriteOurCheckpointAsync(GoldenTables.ReplayWithProduct(table, 10), Ct);
        var read = await ReadActionsThenDeleteAsync(ours, GoldenTables.Checkpoint(table, 10), ours);

        // Row order is free in a checkpoint; compared as sorted lists of canonical JSON (null fields dropped).
        Assert.Equal(Sorted(read[0]), Sorted(read[1]));
        // What makes the comparison bite: Delta's tombstones, some with the size and partition values Spark records.
        Assert.Equal(removes, read[0].Count(a => a["remove"] is not null));
        Assert.Equal(removesWithSize, read[0].Count(a => a["remove"]?["size"] is not null && a["remove"]?["partitionValues"] is not null));
    }

    [Fact]
    public async Task Our_checkpoint_keeps_a_txns_lastUpdated_and_a_removes_size_partition_values_and_tags_of_an_add()
    {
        var snapshot = DeltaSnapshot.Empty;
        snapshot.Apply(0, DeltaTable.ParseCommit(File.ReadAllBytes(GoldenTables.LogFile("deltalog-getChanges", DeltaTable.CommitName(0)))));
        snapshot.Apply(1,
        [
            new DeltaAction { Txn = new DeltaTransaction("export-a", 42, 1_733_000_000_000) },
            new DeltaAction { Remove = new DeltaRemoveFile("fake/path/1", 1_733_000_000_001, true) { ExtendedFileMetadata = true, PartitionValues = new Dictionary<string, string>(), Size = 1 } },
            new DeltaAction { Add = new DeltaAddFile("a%20b.parquet", new Dictionary<string, string>(), 9, 5, true, null) { Tags = new Dictionary<string, string> { ["k"] = "v" } } },
        ]);
        var ours = await GoldenTables.WriteOurCheckpointAsync(snapshot, Ct);
        var read = (await ReadActionsThenDeleteAsync(ours, ours))[0];

        Assert.Equal("""{"appId":"export-a","lastUpdated":"1733000000000","version":"42"}""", read.Single(a => a["txn"] is not null)["txn"]!.ToJsonString());
        Assert.Equal("""{"dataChange":false,"deletionTimestamp":"1733000000001","extendedFileMetadata":true,"partitionValues":{},"path":"fake/path/1","size":"1"}""",
            read.Single(a => a["remove"] is not null)["remove"]!.ToJsonString());
        Assert.Equal("""{"dataChange":false,"modificationTime":"5","partitionValues":{},"path":"a%20b.parquet","size":"9","tags":{"k":"v"}}""",
            read.Single(a => a["add"] is not null)["add"]!.ToJsonString());
        Assert.Null(read.Single(a => a["metaData"] is not null)["metaData"]!["description"]);
    }

    private static List<string> Sorted(List<JsonNode> actions) => [.. actions.Select(a => a.ToJsonString()).Order(StringComparer.Ordinal)];

    /// <summary>The actions of each file as the oracle decodes them; then deletes our temporary checkpoint.</summary>
    private static async Task<IReadOnlyList<List<JsonNode>>> ReadActionsThenDeleteAsync(string ours, params string[] files)
    {
        try
        {
            var output = await NodeProcess.RunAsync("tests/oracles/checkpoint-actions.mjs", files, TimeSpan.FromMinutes(2), Ct);
            return [.. JsonNode.Parse(output)!.AsArray().Select(f => f!.AsArray().Select(a => a!).ToList())];
        }
        finally
        {
            GoldenTables.DeleteOurCheckpoint(ours);
        }
    }
}
