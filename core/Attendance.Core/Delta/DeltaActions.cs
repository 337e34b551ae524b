using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attendance.Delta;

/// <summary>One line of a Delta commit file: exactly one of its properties is set.</summary>
public sealed record DeltaAction
{
    [JsonPropertyName("protocol")]
    public DeltaProtocol? Protocol { get; init; }

    [JsonPropertyName("metaData")]
    public DeltaMetadata? MetaData { get; init; }

    [JsonPropertyName("add")]
    public DeltaAddFile? Add { get; init; }

    [JsonPropertyName("remove")]
    public DeltaRemoveFile? Remove { get; init; }

    /// <summary>
    /// A transaction identifier (<c>appId</c>, <c>version</c>): the export records in it, in the same commit as the
    /// data, how far it has exported each event, which is what makes the export exactly-once.
    /// </summary>
    [JsonPropertyName("txn")]
    public DeltaTransaction? Txn { get; init; }

    [JsonPropertyName("commitInfo")]
    public JsonElement? CommitInfo { get; init; }
}

public sealed record DeltaProtocol(
    [property: JsonPropertyName("minReaderVersion")] int MinReaderVersion,
    [property: JsonPropertyName("minWriterVersion")] int MinWriterVersion);

public sealed record DeltaFormat(
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("options")] IReadOnlyDictionary<string, string> Options);

public sealed record DeltaMetadata(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("format")] DeltaFormat Format,
    [property: JsonPropertyName("schemaString")] string SchemaString,
    [property: JsonPropertyName("partitionColumns")] IReadOnlyList<string> PartitionColumns,
    [property: JsonPropertyName("configuration")] IReadOnlyDictionary<string, string> Configuration,
    [property: JsonPropertyName("createdTime")] long? CreatedTime)
{
    /// <summary>
    /// The table's optional description. The product writes none; kept so that a checkpoint of a table another
    /// writer described carries it on (a settable property, not a constructor parameter, so callers stay as they are).
    /// </summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}

public sealed record DeltaAddFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("partitionValues")] IReadOnlyDictionary<string, string> PartitionValues,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("modificationTime")] long ModificationTime,
    [property: JsonPropertyName("dataChange")] bool DataChange,
    [property: JsonPropertyName("stats")] string? Stats)
{
    /// <summary>The file's optional <c>tags</c> map (PROTOCOL.md "Add File and Remove File"); the product writes none.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record DeltaRemoveFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("deletionTimestamp")] long DeletionTimestamp,
    [property: JsonPropertyName("dataChange")] bool DataChange)
{
    /// <summary>
    /// True when <see cref="PartitionValues"/> and <see cref="Size"/> are present, as Spark writes them for a remove
    /// (PROTOCOL.md "Add File and Remove File"); kept into checkpoints, where a reader may use them, for example
    /// to report the size of what a version removed.
    /// </summary>
    [JsonPropertyName("extendedFileMetadata")]
    public bool? ExtendedFileMetadata { get; init; }

    /// <summary>The removed file's partition values, when the remover recorded them.</summary>
    [JsonPropertyName("partitionValues")]
    public IReadOnlyDictionary<string, string>? PartitionValues { get; init; }

    /// <summary>The removed file's size in bytes, when the remover recorded it.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }
}

public sealed record DeltaTransaction(
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("lastUpdated")] long? LastUpdated);
