namespace Attendance.Integration.Tests.Export;

/// <summary>
/// Reads exported Delta tables the way analytics engines do, with code that shares nothing with the product:
/// the tables are downloaded from Azurite and read by tests/oracles/read-delta.mjs (its own log replay, then
/// DuckDB, arrow-rs and hyparquet on every live file).
/// </summary>
internal static class DeltaOracle
{
    public static readonly string[] Readers = ["duckdb", "arrowRs", "hyparquet"];

    /// <summary>Reads each table folder of each container; one node run for all of them.</summary>
    public static async Task<IReadOnlyList<DeltaRead>> ReadAsync(IEnumerable<(BlobContainerClient Container, string Table)> tables, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("delta-oracle-");
        try
        {
            var folders = new List<string>();
            foreach (var (container, table) in tables)
            {
                folders.Add(await DownloadAsync(container, table, root.FullName, cancellationToken));
            }

            return await ReadFoldersAsync(folders, cancellationToken);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Reads the table as <see cref="ReadAsync(BlobContainerClient, string, CancellationToken)"/> does, then checks the
    /// statistics of its live files, and of its newest checkpoint, with tests/oracles/check-statistics.mjs.
    /// </summary>
    public static async Task<(DeltaRead Table, StatisticsCheck Files, StatisticsCheck? Checkpoint)> CheckStatisticsAsync(
        BlobContainerClient container, string table, CancellationToken cancellationToken, string? partitionColumn = null)
    {
        var root = Directory.CreateTempSubdirectory("delta-statistics-");
        try
        {
            var folder = await DownloadAsync(container, table, root.FullName, cancellationToken);
            var read = (await ReadFoldersAsync([folder], cancellationToken))[0];
            string[] partitions = partitionColumn is null ? [] : ["--partitions", partitionColumn];
            var files = await StatisticsCheck.RunAsync([.. partitions, .. read.Files.Select(f => Path.Combine(folder, f))], cancellationToken);
            var checkpoint = read.CheckpointFile is { } name
                ? await StatisticsCheck.RunAsync([Path.Combine(folder, "_delta_log", name)], cancellationToken)
                : null;
            return (read, files, checkpoint);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task<string> DownloadAsync(BlobContainerClient container, string table, string root, CancellationToken cancellationToken)
    {
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = table + "/" }, cancellationToken))
        {
            var content = await container.DownloadIfExistsAsync(blob.Name, cancellationToken) ?? throw new InvalidOperationException($"{blob.Name} vanished");
            var path = Path.Combine(root, container.Name, blob.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content.ToArray(), cancellationToken);
        }

        return Path.Combine(root, container.Name, table);
    }

    private static async Task<IReadOnlyList<DeltaRead>> ReadFoldersAsync(IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        var output = await NodeProcess.RunAsync("tests/oracles/read-delta.mjs", folders, TimeSpan.FromMinutes(5), cancellationToken);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => new DeltaRead(e.Clone()))];
    }

    public static async Task<DeltaRead> ReadAsync(BlobContainerClient container, string table, CancellationToken cancellationToken) =>
        (await ReadAsync([(container, table)], cancellationToken))[0];
}

/// <summary>One table as the oracle read it.</summary>
internal sealed record DeltaRead(JsonElement Json)
{
    public long Version => Json.GetProperty("version").GetInt64();

    public int Rows => Json.GetProperty("rows").GetInt32();

    /// <summary>The newest checkpoint as the three readers decoded it (they agree), or null when the log has none.</summary>
    public JsonElement? Checkpoint => Json.GetProperty("checkpoint") is { ValueKind: JsonValueKind.Object } c ? c : null;

    /// <summary>The <c>_last_checkpoint</c> file's content, or null.</summary>
    public JsonElement? LastCheckpoint => Json.GetProperty("lastCheckpoint") is { ValueKind: JsonValueKind.Object } c ? c : null;

    /// <summary>The commit and checkpoint files in <c>_delta_log</c>, by name.</summary>
    public IReadOnlyList<string> LogFiles => [.. Json.GetProperty("logFiles").EnumerateArray().Select(f => f.GetString()!)];

    public IReadOnlyDictionary<string, string> Configuration => Json.GetProperty("configuration").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public IReadOnlyList<string> Files => [.. Json.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)];

    /// <summary>Each live file's <c>add.stats</c> as the log has it (null where absent).</summary>
    public IReadOnlyDictionary<string, string?> FileStats => Json.GetProperty("stats").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

    /// <summary>The newest checkpoint's file name in <c>_delta_log</c>, or null.</summary>
    public string? CheckpointFile => Json.GetProperty("checkpointFile").GetString();

    public IReadOnlyDictionary<string, long> Txn => Json.GetProperty("txn").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    public IReadOnlyList<string> Columns => [.. Json.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];

    /// <summary>A column's values as one reader read them.</summary>
    public IReadOnlyList<JsonElement> Column(string reader, string column) =>
        [.. Json.GetProperty("readers").GetProperty(reader).GetProperty(column).EnumerateArray()];

    /// <summary>A string column's values, after checking all three readers agree on them.</summary>
    public IReadOnlyList<string?> Strings(string column)
    {
        var byReader = DeltaOracle.Readers.Select(r => Column(r, column).Select(v => v.ValueKind == JsonValueKind.Null ? null : v.ToString()).ToList()).ToList();
        Assert.All(byReader, values => Assert.Equal(byReader[0], values));
        return byReader[0];
    }
}
