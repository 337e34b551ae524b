namespace Attendance.Export;

/// <summary>
/// An exported table's columns over rows read back from its own files (one value per column, in the definition's
/// order), so compaction writes through the export's writer path with the same Parquet and Delta schema.
/// </summary>
internal static class StoredRowTable
{
    public static ExportTable<object?[]> From<TRow>(ExportTable<TRow> definition) => new(definition.Path,
        definition.Columns.Select((column, i) => column.Type switch
        {
            ExportColumnType.String => ExportColumn<object?[]>.String(column.Name, r => (string?)r[i], column.Nullable, column.Dictionary, column.Skipping),
            ExportColumnType.Int32 => ExportColumn<object?[]>.Int32(column.Name, r => (int)r[i]!),
            ExportColumnType.Date => ExportColumn<object?[]>.Date(column.Name, r => (DateOnly)r[i]!, column.Skipping),
            ExportColumnType.Timestamp => ExportColumn<object?[]>.Timestamp(column.Name, r => r[i] is DateTime t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null, column.Nullable, column.Skipping),
            _ => throw new InvalidOperationException($"No stored form for {column.Type}."),
        }));
}
