using System.Text.Json.Serialization;

namespace Attendance.Delta;

/// <summary>
/// One row of a classic (V1) Delta checkpoint: one action, exactly one of its struct columns set. The property
/// names are Delta's column names; Parquet.Net's serializer turns these classes into the nested, nullable struct
/// columns of PROTOCOL.md "Checkpoint Schema" (maps for <c>partitionValues</c>, <c>options</c>, <c>configuration</c>,
/// a list for <c>partitionColumns</c>), and a null property into a null struct.
/// </summary>
public sealed class DeltaCheckpointRow
{
    [JsonPropertyName("txn")]
    public CheckpointTxn? Txn { get; set; }

    [JsonPropertyName("add")]
    public CheckpointAdd? Add { get; set; }

    [JsonPropertyName("remove")]
    public CheckpointRemove? Remove { get; set; }

    [JsonPropertyName("metaData")]
    public CheckpointMetaData? MetaData { get; set; }

    [JsonPropertyName("protocol")]
    public CheckpointProtocol? Protocol { get; set; }

    /// <summary>The <c>txn</c> struct.</summary>
    public sealed class CheckpointTxn
    {
        [JsonPropertyName("appId")]
        public string? AppId { get; set; }

        [JsonPropertyName("version")]
        public long Version { get; set; }

        [JsonPropertyName("lastUpdated")]
        public long? LastUpdated { get; set; }
    }

    /// <summary>The <c>add</c> struct.</summary>
    public sealed class CheckpointAdd
    {
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        [JsonPropertyName("partitionValues")]
        public Dictionary<string, string> PartitionValues { get; set; } = [];

        [JsonPropertyName("size")]
        public long Size { get; set; }

        [JsonPropertyName("modificationTime")]
        public long ModificationTime { get; set; }

        [JsonPropertyName("dataChange")]
        public bool DataChange { get; set; }

        [JsonPropertyName("stats")]
        public string? Stats { get; set; }
    }

    /// <summary>The <c>remove</c> struct (a tombstone still within retention).</summary>
    public sealed class CheckpointRemove
    {
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        [JsonPropertyName("deletionTimestamp")]
        public long? DeletionTimestamp { get; set; }

        [JsonPropertyName("dataChange")]
        public bool DataChange { get; set; }
    }

    /// <summary>The <c>metaData</c> struct.</summary>
    public sealed class CheckpointMetaData
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("format")]
        public CheckpointFormat Format { get; set; } = new();

        [JsonPropertyName("schemaString")]
        public string? SchemaString { get; set; }

        [JsonPropertyName("partitionColumns")]
        public List<string> PartitionColumns { get; set; } = [];

        [JsonPropertyName("configuration")]
        public Dictionary<string, string> Configuration { get; set; } = [];

        [JsonPropertyName("createdTime")]
        public long? CreatedTime { get; set; }
    }

    /// <summary>The <c>metaData.format</c> struct.</summary>
    public sealed class CheckpointFormat
    {
        [JsonPropertyName("provider")]
        public string? Provider { get; set; }

        [JsonPropertyName("options")]
        public Dictionary<string, string> Options { get; set; } = [];
    }

    /// <summary>The <c>protocol</c> struct.</summary>
    public sealed class CheckpointProtocol
    {
        [JsonPropertyName("minReaderVersion")]
        public int MinReaderVersion { get; set; }

        [JsonPropertyName("minWriterVersion")]
        public int MinWriterVersion { get; set; }
    }
}
