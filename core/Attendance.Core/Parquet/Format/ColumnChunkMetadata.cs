namespace Attendance.Parquet.Format;

/// <summary>What the footer records of one column chunk: where its pages are, how big, and its statistics.</summary>
internal sealed record ColumnChunkMetadata(
    ParquetColumn Column,
    IReadOnlyList<ParquetEncoding> Encodings,
    CompressionCodec Codec,
    long ValueCount,
    long TotalUncompressedSize,
    long TotalCompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    long NullCount,
    byte[]? MinValue,
    byte[]? MaxValue,
    IReadOnlyList<PageEncodingCount> EncodingStats)
{
    /// <summary>The first page of the chunk: the dictionary page when there is one.</summary>
    public long FirstPageOffset => DictionaryPageOffset ?? DataPageOffset;
}
