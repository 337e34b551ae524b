using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>What the footer says of one column chunk: where its pages are, their codec and how many values they hold.</summary>
/// <param name="Type">The physical type, which must match the schema's.</param>
/// <param name="Codec">The codec of every page in the chunk.</param>
/// <param name="ValueCount">Values including nulls; for a flat column, the row group's rows.</param>
/// <param name="TotalCompressedSize">Bytes of all pages, headers included.</param>
/// <param name="DataPageOffset">The first data page.</param>
/// <param name="DictionaryPageOffset">The dictionary page, when the writer recorded one.</param>
/// <param name="Path">path_in_schema: one name for a flat column.</param>
/// <param name="ExternalFilePath">parquet.thrift <c>file_path</c>: set when the chunk lives in another file, which the reader refuses.</param>
internal sealed record ColumnChunkInfo(
    PhysicalType Type,
    CompressionCodec Codec,
    long ValueCount,
    long TotalCompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    IReadOnlyList<string> Path,
    string? ExternalFilePath);
