using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>How the reader interprets a leaf schema element: its public description and the timestamp unit, if any.</summary>
internal sealed record ColumnDescriptor(ParquetColumnInfo Info, TimeUnit? TimestampUnit)
{
    public static ColumnDescriptor Describe(SchemaElement element)
    {
        var physical = element.Type!.Value;
        var logical = element.Logical;
        var converted = element.Converted;
        var unit = physical == PhysicalType.Int64 ? TimestampUnitOf(logical, converted) : null;
        ParquetColumnType? type = physical switch
        {
            PhysicalType.ByteArray when IsText(logical, converted) => ParquetColumnType.String,
            PhysicalType.Int32 when logical?.Kind == LogicalTypeKind.Date || (logical is null && converted == ConvertedType.Date) => ParquetColumnType.Date,
            PhysicalType.Int32 when IsInteger(logical, converted, 32) => ParquetColumnType.Int32,
            PhysicalType.Int64 when unit is not null => ParquetColumnType.Timestamp,
            PhysicalType.Int64 when IsInteger(logical, converted, 64) => ParquetColumnType.Int64,
            PhysicalType.Double when logical is null && converted is null => ParquetColumnType.Double,
            PhysicalType.Boolean when logical is null && converted is null => ParquetColumnType.Boolean,
            _ => null,
        };

        var info = new ParquetColumnInfo(
            element.Name,
            type,
            element.Repetition == FieldRepetitionType.Required,
            FormatValues.PhysicalTypeName(physical),
            DescribeLogical(logical, converted));
        return new ColumnDescriptor(info, unit);
    }

    private static bool IsText(LogicalTypeAnnotation? logical, ConvertedType? converted) => logical is null
        ? converted is ConvertedType.Utf8 or FormatValues.Enum or FormatValues.Json
        : logical.Kind is LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json;

    /// <summary>Unannotated, or a signed INTEGER that fits the physical width (INT_8 and INT_16 are stored as INT32).</summary>
    private static bool IsInteger(LogicalTypeAnnotation? logical, ConvertedType? converted, int width) => logical is null
        ? converted is null || (width == 32 ? converted is FormatValues.Int8 or FormatValues.Int16 or FormatValues.Int32 : converted == FormatValues.Int64)
        : logical.Kind == LogicalTypeKind.Integer && logical.IsSigned && logical.BitWidth <= width;

    private static TimeUnit? TimestampUnitOf(LogicalTypeAnnotation? logical, ConvertedType? converted) => logical is null
        ? converted switch
        {
            ConvertedType.TimestampMicros => TimeUnit.Micros,
            FormatValues.TimestampMillis => TimeUnit.Millis,
            _ => null,
        }
        : logical.Kind == LogicalTypeKind.Timestamp ? logical.Unit : null;

    private static string? DescribeLogical(LogicalTypeAnnotation? logical, ConvertedType? converted) => logical switch
    {
        { Kind: LogicalTypeKind.Timestamp } => $"TIMESTAMP({logical.Unit?.ToString().ToUpperInvariant() ?? "unknown unit"}, {(logical.IsAdjustedToUtc ? "UTC" : "local")})",
        { Kind: LogicalTypeKind.Integer } => $"INTEGER({logical.BitWidth}, {(logical.IsSigned ? "signed" : "unsigned")})",
        { Kind: var kind } => Enum.IsDefined(kind) ? kind.ToString().ToUpperInvariant() : $"logical type {(int)kind}",
        null => converted is { } legacy ? FormatValues.ConvertedTypeName(legacy) : null,
    };
}
