using Attendance.Parquet.Tests.Oracles;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>Files from the product's own <see cref="ParquetFileWriter"/>, written through <see cref="ParquetScenario"/> like the oracle tests.</summary>
internal static class ProductFiles
{
    public static ParquetSchema Schema { get; } = new(
        ParquetColumn.Required("submission_id", ParquetColumnType.String),
        ParquetColumn.Optional("region", ParquetColumnType.String),
        ParquetColumn.Optional("count", ParquetColumnType.Int32),
        ParquetColumn.Required("sequence", ParquetColumnType.Int64),
        ParquetColumn.Optional("score", ParquetColumnType.Double),
        ParquetColumn.Optional("present", ParquetColumnType.Boolean),
        ParquetColumn.Required("day", ParquetColumnType.Date),
        ParquetColumn.Optional("submitted_at", ParquetColumnType.Timestamp));

    /// <summary>
    /// Rows with nulls in every optional column, dates and instants on both sides of 1970, and an id column whose
    /// distinct values outgrow a small dictionary, so the writer falls back to PLAIN within a chunk.
    /// </summary>
    public static IReadOnlyList<object?[]> Rows(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new object?[]
        {
            $"sub-{i:D6}-{(char)('a' + (i % 26))}",
            i % 7 == 0 ? null : $"Kabupaten {i % 4} ✓",
            i % 5 == 0 ? null : i * 7919 - 1_000_000,
            (long)i * 3_000_000_007 - 4_000_000_000_000,
            i % 6 == 0 ? null : (i / 7.0) - 100,
            i % 4 == 0 ? null : i % 3 == 0,
            new DateOnly(1969, 6, 1).AddDays(i * 17 % 20000),
            i % 9 == 0 ? null : new DateTimeOffset(1969, 12, 31, 23, 0, 0, TimeSpan.Zero).AddTicks(i * 9_876_543_217L),
        }),
    ];

    public static ParquetScenario Scenario(string name, ParquetCompression compression, int rows, int rowGroupRows, int pageRows, int dictionaryBytes) =>
        new(name, Schema, new ParquetWriterOptions
        {
            Compression = compression,
            RowGroupRows = rowGroupRows,
            PageRows = pageRows,
            DictionaryBytes = dictionaryBytes,
        }, Rows(rows));

    public static async Task<byte[]> WriteAsync(ParquetScenario scenario, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        await scenario.WriteAsync(stream, cancellationToken);
        return stream.ToArray();
    }
}
