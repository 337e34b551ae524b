using System.Globalization;
using Attendance.Parquet.Reading;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>
/// Reads a column with the method its type calls for and puts each value in the canonical form of
/// tests/oracles/duckdb-reader.mjs (DATE as days since 1970, TIMESTAMP as epoch microseconds, INT64 as a decimal
/// string), so one comparison serves every type.
/// </summary>
internal static class ReadColumns
{
    private static readonly DateOnly UnixEpochDate = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public static IReadOnlyList<object?> Canonical(ParquetFileReader reader, string column) => reader.GetColumn(column).Type switch
    {
        ParquetColumnType.String => reader.ReadStrings(column),
        ParquetColumnType.Int32 => Box(reader.ReadInt32(column), v => v),
        ParquetColumnType.Int64 => Box(reader.ReadInt64(column), v => v.ToString(CultureInfo.InvariantCulture)),
        ParquetColumnType.Double => Box(reader.ReadDoubles(column), v => v),
        ParquetColumnType.Boolean => Box(reader.ReadBooleans(column), v => v),
        ParquetColumnType.Date => Box(reader.ReadDates(column), v => v.DayNumber - UnixEpochDate.DayNumber),
        ParquetColumnType.Timestamp => Box(reader.ReadTimestamps(column), v => EpochMicros(v).ToString(CultureInfo.InvariantCulture)),
        var other => throw new InvalidOperationException($"Column '{column}' has type {other?.ToString() ?? "unknown"}."),
    };

    private static long EpochMicros(DateTimeOffset value) =>
        Math.DivRem(value.UtcTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerMicrosecond, out var remainder) - (remainder < 0 ? 1 : 0);

    private static object?[] Box<T>(T?[] values, Func<T, object> canonical)
        where T : struct =>
        [.. values.Select(v => v is { } value ? canonical(value) : null)];
}
