using System.Text.Json.Serialization;

namespace Attendance.Delta;

/// <summary>
/// One row of a classic (V1) Delta checkpoint: one action, exactly one of its struct columns set. The property
/// names are Delta's column names; Parquet.Net's serializer turns these classes into the nested, nullable struct
/// columns of PROTOCOL.md "Checkpoint Schema" (maps for <c>partitionValues</c>, <c>tags</c>, <c>options</c>,
/// <c>configuration</c>, lists for <c>partitionColumns</c> and the feature lists), and a null property into a null
/// struct or field.
/// </summary>
/// <remarks>
/// The columns are those of the checkpoints Delta Lake itself writes for a reader 1 / writer 2 table (compared with
/// Delta's golden tables by <c>CheckpointSchemaTests</c>), in Delta's order. Every field is nullable (OPTIONAL in
/// Parquet) as in Delta's, so the product also reads checkpoints Delta wrote, and a field without a value is written
/// as null rather than left out: readers that map checkpoint columns strictly (delta-rs before its kernel) fail on a
/// missing column. Left out are only the columns of table features, which need writer 7 (<c>deletionVector</c>,
/// <c>baseRowId</c>, <c>defaultRowCommitVersion</c>, <c>domainMetadata</c>, <c>clusteringProvider</c>), the
/// <c>*_parsed</c> columns of <c>delta.checkpoint.writeStatsAsStruct</c> (off), and what PROTOCOL.md keeps out of
/// checkpoints (<c>remove.stats</c>, <c>remove.tags</c>, <c>cdc</c>, <c>commitInfo</c>). Parquet.Net ignores such
/// columns when it reads a checkpoint another writer made.
/// </remarks>
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
        public long? Version { get; set; }

        [JsonPropertyName("lastUpdated")]
        public long? LastUpdated { get; set; }
    }

    /// <summary>The <c>add</c> struct.</summary>
    public sealed class CheckpointAdd
    {
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        [JsonPropertyName("partitionValues")]
        public Dictionary<string, string>? PartitionValues { get; set; }

        [JsonPropertyName("size")]
        public long? Size { get; set; }

        [JsonPropertyName("modificationTime")]
        public long? ModificationTime { get; set; }

        [JsonPropertyName("dataChange")]
        public bool? DataChange { get; set; }

        [JsonPropertyName("tags")]
        public Dictionary<string, string>? Tags { get; set; }

        [JsonPropertyName("stats")]
        public string? Stats { get; set; }
    }

    /// <summary>The <c>remove</c> struct (a tombstone still within retention; never <c>stats</c> or <c>tags</c>).</summary>
    public sealed class CheckpointRemove
    {
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        [JsonPropertyName("deletionTimestamp")]
        public long? DeletionTimestamp { get; set; }

        [JsonPropertyName("dataChange")]
        public bool? DataChange { get; set; }

        [JsonPropertyName("extendedFileMetadata")]
        public bool? ExtendedFileMetadata { get; set; }

        [JsonPropertyName("partitionValues")]
        public Dictionary<string, string>? PartitionValues { get; set; }

        [JsonPropertyName("size")]
        public long? Size { get; set; }
    }

    /// <summary>The <c>metaData</c> struct.</summary>
    public sealed class CheckpointMetaData
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonPropertyName("format")]
        public CheckpointFormat? Format { get; set; }

        [JsonPropertyName("schemaString")]
        public string? SchemaString { get; set; }

        [JsonPropertyName("partitionColumns")]
        public List<string>? PartitionColumns { get; set; }

        [JsonPropertyName("configuration")]
        public Dictionary<string, string>? Configuration { get; set; }

        [JsonPropertyName("createdTime")]
        public long? CreatedTime { get; set; }
    }

    /// <summary>The <c>metaData.format</c> struct.</summary>
    public sealed class CheckpointFormat
    {
        [JsonPropertyName("provider")]
        public string? Provider { get; set; }

        [JsonPropertyName("options")]
        public Dictionary<string, string>? Options { get; set; }
    }

    /// <summary>
    /// The <c>protocol</c> struct. <c>readerFeatures</c>/<c>writerFeatures</c> are always null here: PROTOCOL.md
    /// "Checkpoint Schema" lets a writer of a table below reader 3 / writer 7 write them only as nulls, and Delta does.
    /// </summary>
    public sealed class CheckpointProtocol
    {
        [JsonPropertyName("minReaderVersion")]
        public int? MinReaderVersion { get; set; }

        [JsonPropertyName("minWriterVersion")]
        public int? MinWriterVersion { get; set; }

        [JsonPropertyName("readerFeatures")]
        public List<string>? ReaderFeatures { get; set; }

        [JsonPropertyName("writerFeatures")]
        public List<string>? WriterFeatures { get; set; }
    }
}
