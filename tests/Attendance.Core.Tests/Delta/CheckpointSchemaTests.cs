using System.Text.Json;

namespace Attendance.Delta;

/// <summary>
/// The product's classic checkpoint has the Parquet shape of the checkpoints Delta Lake itself writes for a
/// reader 1 / writer 2 table: every column path of Delta's, with the same repetition, physical type and logical
/// type. Both files' footers are decoded by tests/oracles/parquet-schema.mjs (hyparquet and DuckDB, which must
/// agree), never by Parquet.Net, which wrote ours.
/// </summary>
public sealed class CheckpointSchemaTests
{
    /// <summary>
    /// Columns of Delta 3's checkpoints that belong to table features, which need writer version 7 (and for deletion
    /// vectors reader 3): a reader 1 / writer 2 table can hold no such action or field, PROTOCOL.md "Checkpoints" says
    /// a missing column reads as null, and Delta's own writer 2 checkpoints from before table features
    /// (golden 125-iterator-bug) lack them all, so every reader must already accept their absence.
    /// <c>stats_parsed</c> and <c>partitionValues_parsed</c> are written only with
    /// <c>delta.checkpoint.writeStatsAsStruct</c> (off by default, off here), and are absent from these fixtures too.
    /// </summary>
    private static readonly string[] FeatureColumns =
    [
        "add.deletionVector", "remove.deletionVector", // deletionVectors (reader 3 / writer 7)
        "add.baseRowId", "add.defaultRowCommitVersion", "remove.baseRowId", "remove.defaultRowCommitVersion", // rowTracking (writer 7)
        "domainMetadata", // domainMetadata (writer 7)
    ];

    /// <summary>
    /// Columns that Delta before table features wrote and PROTOCOL.md now excludes from checkpoints: a checkpoint's
    /// remove "does not contain the stats and tags fields", and "Checkpoints must not preserve ... change data
    /// actions" (Delta then wrote an always-null <c>cdc</c> column). Delta 3 writes neither; neither do we.
    /// </summary>
    private static readonly string[] DroppedSinceTableFeatures = ["remove.tags", "cdc"];

    /// <summary>
    /// The only columns we may have that a Delta checkpoint of the same protocol lacks: PROTOCOL.md "Checkpoint
    /// Schema" lets a writer of a table below reader 3 / writer 7 choose to write <c>readerFeatures</c> and
    /// <c>writerFeatures</c> as long as they are null. Delta 3 writes them (null); Delta before table features did not.
    /// </summary>
    private static readonly string[] AllowedExtras = ["protocol.readerFeatures", "protocol.writerFeatures"];

    [Theory]
    [InlineData("checkpoint")]
    [InlineData("basic-with-inserts-deletes-checkpoint")]
    [InlineData("125-iterator-bug")]
    public async Task Our_checkpoint_has_every_column_of_Deltas_own_reader_1_writer_2_checkpoint_with_the_same_types(string table)
    {
        var ourFile = await WriteOurCheckpointAsync();
        IReadOnlyList<IReadOnlyList<SchemaColumn>> schemas;
        try
        {
            schemas = await ReadSchemasAsync(GoldenTables.Checkpoint(table, 10), ourFile);
        }
        finally
        {
            GoldenTables.DeleteOurCheckpoint(ourFile);
        }

        var theirs = schemas[0].Where(c => !Excluded(c.Path)).Select(Plain).ToDictionary(c => c.Path);
        var ours = schemas[1].Select(Plain).ToDictionary(c => c.Path);

        // Joined, so a failure names every missing or extra column rather than the first few.
        Assert.Equal("", string.Join(", ", theirs.Keys.Except(ours.Keys).Order(StringComparer.Ordinal)));
        Assert.Equal("", string.Join(", ", ours.Keys.Except(theirs.Keys).Where(p => !AllowedExtras.Any(e => Under(p, e))).Order(StringComparer.Ordinal)));
        foreach (var (path, delta) in theirs)
        {
            var our = ours[path];
            Assert.Equal((path, delta.Repetition, delta.Type, delta.Converted), (path, our.Repetition, our.Type, our.Converted));

            // parquet-mr 1.10 (125-iterator-bug) wrote converted types only; where Delta's file has a logical type ours must match it.
            if (delta.Logical is not null)
            {
                Assert.Equal((path, delta.Logical), (path, our.Logical));
            }
        }
    }

    [Fact]
    public async Task The_feature_columns_left_out_are_really_in_Deltas_newer_checkpoints_and_absent_from_its_older_one()
    {
        // Keeps the exclusion lists honest: each names columns Delta 3 writes (so leaving them out is a decision), and
        // the pre-feature checkpoint of the same protocol lacks the feature columns (so readers accept their absence).
        var schemas = await ReadSchemasAsync(GoldenTables.Checkpoint("checkpoint", 10), GoldenTables.Checkpoint("125-iterator-bug", 10));
        var delta3 = schemas[0].Select(c => c.Path).ToHashSet();
        var delta1 = schemas[1].Select(c => c.Path).ToHashSet();
        Assert.All(FeatureColumns, c => Assert.Contains(c, delta3));
        Assert.All(FeatureColumns, c => Assert.DoesNotContain(c, delta1));
        Assert.All(DroppedSinceTableFeatures, c => Assert.DoesNotContain(c, delta3));
        Assert.All(DroppedSinceTableFeatures, c => Assert.Contains(c, delta1));
    }

    /// <summary>
    /// Parquet.Net annotates every INT32/INT64 as INT(32|64, signed) (converted INT_32/INT_64); parquet-mr leaves them
    /// bare. Parquet's LogicalTypes.md defines the bare types as exactly those signed integers, and Spark, DuckDB and
    /// arrow-rs read both as int/long, so the annotation of the column's own width and sign is dropped before comparing.
    /// Any other annotation (a narrower width, unsigned, a timestamp) still differs.
    /// </summary>
    private static SchemaColumn Plain(SchemaColumn column) => column switch
    {
        { Type: "INT64", Logical: "INTEGER" or null, Converted: "INT_64" } or { Type: "INT32", Logical: "INTEGER" or null, Converted: "INT_32" }
            => column with { Logical = null, Converted = null },
        _ => column,
    };

    private static bool Under(string path, string column) => path == column || path.StartsWith(column + ".", StringComparison.Ordinal);

    private static bool Excluded(string path) => FeatureColumns.Concat(DroppedSinceTableFeatures).Any(c => Under(path, c));

    /// <summary>
    /// Our checkpoint of a state that has every kind of row: Delta's basic-with-inserts-deletes-checkpoint log replayed
    /// to version 13 (protocol, metaData, adds with stats, removes with size) plus a commit of a txn.
    /// </summary>
    private static async Task<string> WriteOurCheckpointAsync()
    {
        var snapshot = GoldenTables.ReplayWithProduct("basic-with-inserts-deletes-checkpoint", 13);
        snapshot.Apply(snapshot.Version + 1, [new DeltaAction { Txn = new DeltaTransaction("export-1", 7, 1_700_000_000_000) }]);
        Assert.Equal(["add", "metaData", "protocol", "remove", "txn"], DeltaCheckpoint.ToRows(snapshot, 0).Select(Kind).Distinct().Order(StringComparer.Ordinal));
        return await GoldenTables.WriteOurCheckpointAsync(snapshot, Ct);
    }

    private static string Kind(DeltaCheckpointRow row) =>
        row.Add is not null ? "add" : row.Remove is not null ? "remove" : row.MetaData is not null ? "metaData" : row.Protocol is not null ? "protocol" : "txn";

    private static async Task<IReadOnlyList<IReadOnlyList<SchemaColumn>>> ReadSchemasAsync(params string[] files)
    {
        var output = await NodeProcess.RunAsync("tests/oracles/parquet-schema.mjs", files, TimeSpan.FromMinutes(2), Ct);
        return JsonSerializer.Deserialize<List<List<SchemaColumn>>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record SchemaColumn(string Path, string? Repetition, string? Type, string? Logical, string? Converted);
}
