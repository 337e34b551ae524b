using Attendance.Parquet;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>How each reader names the types a column type must be written as (parquet.md and the product brief).</summary>
public sealed record ExpectedTypes(string Physical, string? Converted, string? DuckDbLogical, string DuckDbColumn, string ArrowFormat, string? HyparquetLogical)
{
    public static ExpectedTypes Of(ParquetColumnType type) => type switch
    {
        ParquetColumnType.String => new("BYTE_ARRAY", "UTF8", "StringType()", "VARCHAR", "u", """{"type":"STRING"}"""),
        ParquetColumnType.Int32 => new("INT32", null, null, "INTEGER", "i", null),
        ParquetColumnType.Int64 => new("INT64", null, null, "BIGINT", "l", null),
        ParquetColumnType.Double => new("DOUBLE", null, null, "DOUBLE", "g", null),
        ParquetColumnType.Boolean => new("BOOLEAN", null, null, "BOOLEAN", "b", null),
        ParquetColumnType.Date => new("INT32", "DATE", "DateType()", "DATE", "tdD", """{"type":"DATE"}"""),
        ParquetColumnType.Timestamp => new(
            "INT64",
            "TIMESTAMP_MICROS",
            "TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds(), NANOS=<null>))",
            "TIMESTAMP WITH TIME ZONE",
            "tsu:UTC",
            """{"type":"TIMESTAMP","isAdjustedToUTC":true,"unit":"MICROS"}"""),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
