namespace Attendance.Parquet.Tests.Reading;

/// <summary>
/// arrow-rs writer settings for rewriting a DuckDB file: DuckDB 1.5 writes no DATA_PAGE_V2 and one page per column
/// chunk, arrow-rs does both on request. Names and values are parquet-wasm's (WriterVersion, Compression, Encoding).
/// </summary>
public sealed record ArrowRsRewrite(
    string WriterVersion,
    string Compression,
    string? Encoding = null,
    bool? Dictionary = null,
    int? DataPageSizeLimit = null,
    int? WriteBatchSize = null,
    int? MaxRowGroupSize = null);
