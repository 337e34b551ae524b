namespace Attendance.Parquet.Tests.Oracles;

/// <summary>
/// How each reader names the types a column type must be written as (apache/parquet-format LogicalTypes.md and
/// ../shared/reference/parquet.md). <see cref="Converted"/> is the legacy converted type, which the export's footer
/// correction writes for TIMESTAMP too (TIMESTAMP_MICROS). DuckDB 1.5 prints IntType's 8-bit bitWidth as a character: 32 is a space.
/// </summary>
public sealed record ExpectedTypes(string Physical, string? Converted, string DuckDbLogical, string DuckDbColumn, string ArrowFormat, string HyparquetLogical)
{
    public static ExpectedTypes Of(ExportColumnType type) => type switch
    {
        ExportColumnType.String => new("BYTE_ARRAY", "UTF8", "StringType()", "VARCHAR", "u", """{"type":"STRING"}"""),
        ExportColumnType.Int32 => new("INT32", "INT_32", "IntType(bitWidth= , isSigned=1)", "INTEGER", "i", """{"type":"INTEGER","bitWidth":32,"isSigned":true}"""),
        ExportColumnType.Date => new("INT32", "DATE", "DateType()", "DATE", "tdD", """{"type":"DATE"}"""),
        ExportColumnType.Timestamp => new(
            "INT64",
            "TIMESTAMP_MICROS",
            "TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds(), NANOS=<null>))",
            "TIMESTAMP WITH TIME ZONE",
            "tsu:UTC",
            """{"type":"TIMESTAMP","isAdjustedToUTC":true,"unit":"MICROS"}"""),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
