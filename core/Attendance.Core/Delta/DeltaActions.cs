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
    [property: JsonPropertyName("createdTime")] long? CreatedTime);

public sealed record DeltaAddFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("partitionValues")] IReadOnlyDictionary<string, string> PartitionValues,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("modificationTime")] long ModificationTime,
    [property: JsonPropertyName("dataChange")] bool DataChange,
    [property: JsonPropertyName("stats")] string? Stats);

public sealed record DeltaRemoveFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("deletionTimestamp")] long DeletionTimestamp,
    [property: JsonPropertyName("dataChange")] bool DataChange);

public sealed record DeltaTransaction(
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("lastUpdated")] long? LastUpdated);
