namespace Attendance.Storage;

/// <summary>
/// One Table Storage entity: its keys, ETag and typed properties. Property values are
/// <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> (stored as Edm.DateTime, UTC) or <see cref="Guid"/>; null values are omitted on write.
/// </summary>
public sealed class TableEntity
{
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The ETag read with the entity; null on entities built for writing.</summary>
    public string? ETag { get; init; }

    /// <summary>The service's last-modified time; null on entities built for writing.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public object? this[string name]
    {
        get => Properties.GetValueOrDefault(name);
        set => Properties[name] = value;
    }

    public string? GetString(string name) => Properties.GetValueOrDefault(name) as string;

    public long? GetInt64(string name) => Properties.GetValueOrDefault(name) switch
    {
        long l => l,
        int i => i,
        _ => null,
    };

    public DateTimeOffset? GetDateTimeOffset(string name) => Properties.GetValueOrDefault(name) as DateTimeOffset?;

    public bool? GetBoolean(string name) => Properties.GetValueOrDefault(name) as bool?;
}
