using Parquet.Meta;
using Parquet.Schema;

namespace Attendance.Export;

/// <summary>
/// Workaround for aloneguid/parquet-dotnet#769 (open in Parquet.Net 6.1.0): the writer encodes the min/max statistics
/// of a <c>DateTime</c> column declared TIMESTAMP(MICROS) in milliseconds, so every engine that skips row groups by
/// statistics (DuckDB, Spark, delta-rs, pyarrow, polars) drops rows from a query that filters on a timestamp.
/// The export therefore gives Parquet.Net the instants as INT64 microseconds, whose statistics it encodes as the
/// numbers they are (data pages and footer alike), and <see cref="ParquetFooter"/> declares those columns
/// TIMESTAMP(isAdjustedToUTC=true, MICROS), with the legacy TIMESTAMP_MICROS converted type, before the footer is
/// written. The bytes of the values are the same either way.
/// <para>
/// When Parquet.Net releases the fix: make <see cref="Field"/> a
/// <c>DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros)</c>, give
/// <see cref="ExportColumn{TRow}.Timestamp"/> a <c>DateTime</c> buffer, delete this class and its call in
/// <see cref="ParquetFooter.Correct"/>, and the statistics tests in tests/Attendance.Parquet.Tests say whether the fix holds.
/// </para>
/// </summary>
internal static class ParquetNet769
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>The field the writer is given for an instant: a plain INT64, declared a timestamp in the footer.</summary>
    public static DataField Field(string name, bool nullable) => new DataField<long>(name, nullable);

    /// <summary>UTC microseconds since 1970-01-01, sub-microsecond ticks dropped (rounded towards the past).</summary>
    public static long ToMicros(DateTimeOffset value) => Math.DivRem(value.UtcTicks - UnixEpochTicks, TimeSpan.TicksPerMicrosecond) switch
    {
        var (quotient, remainder) when remainder < 0 => quotient - 1,
        var (quotient, _) => quotient,
    };

    /// <summary>Declares the schema element of each timestamp column TIMESTAMP(isAdjustedToUTC=true, MICROS).</summary>
    public static void DeclareTimestamps(SchemaElement element)
    {
        element.LogicalType = new LogicalType
        {
            TIMESTAMP = new TimestampType { IsAdjustedToUTC = true, Unit = new TimeUnit { MICROS = new MicroSeconds() } },
        };

        // The legacy annotation of the same type, for readers older than logical types (LogicalTypes.md, "TIMESTAMP").
        element.ConvertedType = ConvertedType.TIMESTAMP_MICROS;
    }
}
