using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>
/// parquet.thrift values that other writers use and this product's writer never does. They are kept here, as
/// values of the writer's enums, because those enums document what the writer emits for Power BI.
/// </summary>
internal static class FormatValues
{
    public const PhysicalType Int96 = (PhysicalType)3;
    public const PhysicalType Float = (PhysicalType)4;
    public const PhysicalType FixedLenByteArray = (PhysicalType)7;

    public const FieldRepetitionType Repeated = (FieldRepetitionType)2;

    public const ConvertedType Enum = (ConvertedType)4;
    public const ConvertedType TimestampMillis = (ConvertedType)9;
    public const ConvertedType Int8 = (ConvertedType)15;
    public const ConvertedType Int16 = (ConvertedType)16;
    public const ConvertedType Int32 = (ConvertedType)17;
    public const ConvertedType Int64 = (ConvertedType)18;
    public const ConvertedType Json = (ConvertedType)19;

    public const ParquetEncoding PlainDictionary = (ParquetEncoding)2;
    public const ParquetEncoding DeltaBinaryPacked = (ParquetEncoding)5;
    public const ParquetEncoding DeltaLengthByteArray = (ParquetEncoding)6;
    public const ParquetEncoding DeltaByteArray = (ParquetEncoding)7;
    public const ParquetEncoding ByteStreamSplit = (ParquetEncoding)9;

    public const PageType IndexPage = (PageType)1;
    public const PageType DataPageV2 = (PageType)3;

    /// <summary>The parquet.thrift name of a codec, for messages about the ones that are refused.</summary>
    public static string CodecName(CompressionCodec codec) => (int)codec switch
    {
        0 => "UNCOMPRESSED",
        1 => "SNAPPY",
        2 => "GZIP",
        3 => "LZO",
        4 => "BROTLI",
        5 => "LZ4",
        6 => "ZSTD",
        7 => "LZ4_RAW",
        var other => $"codec {other}",
    };

    public static NotSupportedException UnsupportedEncoding(ParquetEncoding encoding, string context) =>
        new($"The {context} encodes values {EncodingName(encoding)}, which the reader does not support for this column's type.");

    /// <summary>The parquet.thrift name of an encoding, for messages about the ones that are refused.</summary>
    public static string EncodingName(ParquetEncoding encoding) => (int)encoding switch
    {
        0 => "PLAIN",
        2 => "PLAIN_DICTIONARY",
        3 => "RLE",
        4 => "BIT_PACKED",
        5 => "DELTA_BINARY_PACKED",
        6 => "DELTA_LENGTH_BYTE_ARRAY",
        7 => "DELTA_BYTE_ARRAY",
        8 => "RLE_DICTIONARY",
        9 => "BYTE_STREAM_SPLIT",
        var other => $"encoding {other}",
    };

    private static readonly string[] ConvertedTypeNames =
    [
        "UTF8", "MAP", "MAP_KEY_VALUE", "LIST", "ENUM", "DECIMAL", "DATE", "TIME_MILLIS", "TIME_MICROS", "TIMESTAMP_MILLIS",
        "TIMESTAMP_MICROS", "UINT_8", "UINT_16", "UINT_32", "UINT_64", "INT_8", "INT_16", "INT_32", "INT_64", "JSON", "BSON", "INTERVAL",
    ];

    /// <summary>The parquet.thrift name of a legacy converted type.</summary>
    public static string ConvertedTypeName(ConvertedType type) =>
        (uint)type < (uint)ConvertedTypeNames.Length ? ConvertedTypeNames[(int)type] : $"converted type {(int)type}";

    /// <summary>The parquet.thrift name of a physical type.</summary>
    public static string PhysicalTypeName(PhysicalType type) => (int)type switch
    {
        0 => "BOOLEAN",
        1 => "INT32",
        2 => "INT64",
        3 => "INT96",
        4 => "FLOAT",
        5 => "DOUBLE",
        6 => "BYTE_ARRAY",
        7 => "FIXED_LEN_BYTE_ARRAY",
        var other => $"type {other}",
    };
}
