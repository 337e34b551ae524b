namespace Attendance.Parquet.Format;

/// <summary>How each <see cref="ParquetColumnType"/> is stored and annotated.</summary>
internal static class ColumnTypes
{
    public static PhysicalType Physical(ParquetColumnType type) => type switch
    {
        ParquetColumnType.String => PhysicalType.ByteArray,
        ParquetColumnType.Int32 or ParquetColumnType.Date => PhysicalType.Int32,
        ParquetColumnType.Int64 or ParquetColumnType.Timestamp => PhysicalType.Int64,
        ParquetColumnType.Double => PhysicalType.Double,
        ParquetColumnType.Boolean => PhysicalType.Boolean,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    public static ConvertedType? Converted(ParquetColumnType type) => type switch
    {
        ParquetColumnType.String => ConvertedType.Utf8,
        ParquetColumnType.Date => ConvertedType.Date,
        ParquetColumnType.Timestamp => ConvertedType.TimestampMicros,
        _ => null,
    };
}
