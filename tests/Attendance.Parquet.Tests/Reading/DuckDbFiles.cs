namespace Attendance.Parquet.Tests.Reading;

/// <summary>The files DuckDB writes for the reader: every type with nulls, each codec, row groups, pages v1 and v2, and files to refuse.</summary>
public static class DuckDbFiles
{
    // Every column has nulls; dates and timestamps cross 1970 (negative values); doubles include NaN, ±infinity
    // and -0; 'region' repeats five values (DuckDB dictionary-encodes it) and 'id' never repeats (PLAIN).
    private const string AllTypes = """
        SELECT
          CASE WHEN i % 10 = 3 THEN NULL ELSE (i * 7919 - 9000000)::INTEGER END AS int32,
          CASE WHEN i % 11 = 0 THEN NULL ELSE i::BIGINT * 3000000007 - 4000000000000 END AS int64,
          CASE WHEN i = 1 THEN 'NaN'::DOUBLE WHEN i = 2 THEN 'inf'::DOUBLE WHEN i = 4 THEN '-inf'::DOUBLE
               WHEN i = 5 THEN -0.0::DOUBLE WHEN i % 13 = 0 THEN NULL ELSE i / 7.0 - 300 END AS dbl,
          CASE WHEN i % 5 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
          CASE WHEN i % 9 = 0 THEN NULL ELSE DATE '1969-06-01' + (i * 17 % 20000)::INTEGER END AS day,
          CASE WHEN i % 8 = 0 THEN NULL ELSE TIMESTAMP '1969-12-31 23:00:00' + to_microseconds(i * 987654321) END AS ts,
          CASE WHEN i % 6 = 0 THEN NULL ELSE TIMESTAMPTZ '2022-03-14 08:30:00+07' + to_microseconds(i * 1234567) END AS tstz,
          CASE WHEN i % 4 = 1 THEN NULL ELSE (TIMESTAMP '2019-01-01' + to_milliseconds(i * 7777))::TIMESTAMP_MS END AS ts_ms,
          CASE WHEN i % 7 = 0 THEN NULL ELSE 'Kab. ' || (i % 5) || ' — Bimtek SPP-TIK ✓' END AS region,
          CASE WHEN i % 17 = 0 THEN NULL WHEN i % 17 = 1 THEN '' ELSE md5(i::VARCHAR) END AS id,
          (i % 300)::SMALLINT AS small
        FROM range(ROWS) t(i)
        """;

    public static IReadOnlyList<DuckDbFile> All { get; } =
    [
        new("types_snappy", Rows(AllTypes, 3000), "COMPRESSION snappy"),
        new("types_gzip", Rows(AllTypes, 3000), "COMPRESSION gzip"),
        new("types_uncompressed", Rows(AllTypes, 3000), "COMPRESSION uncompressed"),
        new("row_groups", Rows(AllTypes, 20000), "COMPRESSION snappy, ROW_GROUP_SIZE 4096"),
        new("zero_rows", Rows(AllTypes, 0), "COMPRESSION snappy"),

        // PARQUET_VERSION V2 makes DuckDB use RLE_DICTIONARY (V1: PLAIN_DICTIONARY), DELTA_BINARY_PACKED for
        // integers, dates and timestamps, BYTE_STREAM_SPLIT for doubles and DELTA encodings for unique strings, but
        // still v1 page headers.
        new("duckdb_v2_format", Rows(AllTypes, 3000), "COMPRESSION snappy, PARQUET_VERSION V2"),

        // arrow-rs rewrites: DATA_PAGE_V2 headers, small pages (several per chunk), dictionaries that fall back
        // to PLAIN when full, v2 defaults (RLE booleans), and v1 pages with small row groups.
        new("arrow_v2_dictionary", Rows(AllTypes, 3000), "", new ArrowRsRewrite("V2", "SNAPPY", Encoding: "PLAIN", DataPageSizeLimit: 1024, WriteBatchSize: 100)),
        new("arrow_v2_plain_gzip", Rows(AllTypes, 3000), "", new ArrowRsRewrite("V2", "GZIP", Encoding: "PLAIN", Dictionary: false, DataPageSizeLimit: 2048, WriteBatchSize: 128)),
        new("arrow_v2_uncompressed", Rows(AllTypes, 3000), "", new ArrowRsRewrite("V2", "UNCOMPRESSED", Encoding: "PLAIN", DataPageSizeLimit: 1024, WriteBatchSize: 100)),
        new("arrow_v2_defaults", Rows(AllTypes, 3000), "", new ArrowRsRewrite("V2", "SNAPPY")),
        new("arrow_v2_delta", Rows(AllTypes, 3000), "", new ArrowRsRewrite("V2", "SNAPPY", Dictionary: false, DataPageSizeLimit: 1024, WriteBatchSize: 100)),
        new("arrow_v1_pages", Rows(AllTypes, 3000), "", new ArrowRsRewrite("V1", "SNAPPY", DataPageSizeLimit: 1024, WriteBatchSize: 100, MaxRowGroupSize: 1000)),
        new("zstd", "SELECT region FROM (" + Rows(AllTypes, 100) + ")", "COMPRESSION zstd"),
        new("nested", "SELECT {'a': i, 'b': 'x'} AS pair, i AS n FROM range(10) t(i)", "COMPRESSION snappy"),
    ];

    private static string Rows(string sql, int rows) => sql.Replace("ROWS", rows.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
