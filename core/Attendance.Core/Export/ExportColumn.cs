using Attendance.Parquet;

namespace Attendance.Export;

/// <summary>One column of an exported table: its name, type, nullability, and how a row fills it.</summary>
public sealed record ExportColumn<TRow>(string Name, ParquetColumnType Type, bool Nullable, Action<ParquetFileWriter, int, TRow> Write)
{
    public static ExportColumn<TRow> String(string name, Func<TRow, string?> value, bool nullable = false) =>
        new(name, ParquetColumnType.String, nullable, (writer, column, row) =>
        {
            if (value(row) is { } text)
            {
                writer.WriteString(column, text);
            }
            else
            {
                writer.WriteNull(column);
            }
        });

    public static ExportColumn<TRow> Int32(string name, Func<TRow, int> value) =>
        new(name, ParquetColumnType.Int32, false, (writer, column, row) => writer.WriteInt32(column, value(row)));

    public static ExportColumn<TRow> Date(string name, Func<TRow, DateOnly> value) =>
        new(name, ParquetColumnType.Date, false, (writer, column, row) => writer.WriteDate(column, value(row)));

    public static ExportColumn<TRow> Timestamp(string name, Func<TRow, DateTimeOffset?> value, bool nullable = false) =>
        new(name, ParquetColumnType.Timestamp, nullable, (writer, column, row) =>
        {
            if (value(row) is { } instant)
            {
                writer.WriteTimestamp(column, instant);
            }
            else
            {
                writer.WriteNull(column);
            }
        });

    /// <summary>Delta's name for the column's type.</summary>
    public string DeltaType => Type switch
    {
        ParquetColumnType.String => "string",
        ParquetColumnType.Int32 => "integer",
        ParquetColumnType.Int64 => "long",
        ParquetColumnType.Double => "double",
        ParquetColumnType.Boolean => "boolean",
        ParquetColumnType.Date => "date",
        ParquetColumnType.Timestamp => "timestamp",
        _ => throw new InvalidOperationException($"No Delta type for {Type}."),
    };
}
