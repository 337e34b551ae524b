using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>
/// A parquet.thrift <c>PageHeader</c> with the fields of whichever page header it carries (data v1, data v2 or
/// dictionary) flattened into one record; fields a page type lacks keep their defaults.
/// </summary>
/// <param name="HeaderLength">Bytes the Thrift header took; the page body follows it.</param>
/// <param name="Type">DATA_PAGE, DICTIONARY_PAGE, DATA_PAGE_V2 or a page type the reader skips.</param>
/// <param name="UncompressedSize">Body bytes before compression (v2: levels included).</param>
/// <param name="CompressedSize">Body bytes as stored, after the header.</param>
/// <param name="ValueCount">num_values: values including nulls for data pages, entries for a dictionary page.</param>
/// <param name="Encoding">How the values (or dictionary entries) are encoded.</param>
/// <param name="DefinitionLevelEncoding">v1 only; v2 levels are always the RLE/bit-packed hybrid.</param>
/// <param name="NullCount">v2 only: num_nulls.</param>
/// <param name="DefinitionLevelsLength">v2 only: bytes of definition levels at the start of the body, never compressed.</param>
/// <param name="RepetitionLevelsLength">v2 only: bytes of repetition levels before the definition levels.</param>
/// <param name="IsCompressed">v2 only: whether the values section is compressed with the chunk's codec (default true).</param>
internal sealed record PageHeader(
    int HeaderLength,
    PageType Type,
    int UncompressedSize,
    int CompressedSize,
    int ValueCount,
    ParquetEncoding Encoding,
    ParquetEncoding DefinitionLevelEncoding,
    int NullCount,
    int DefinitionLevelsLength,
    int RepetitionLevelsLength,
    bool IsCompressed);
