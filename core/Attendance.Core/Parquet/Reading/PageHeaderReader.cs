using Attendance.Parquet.Format;
using Attendance.Parquet.Thrift;

namespace Attendance.Parquet.Reading;

/// <summary>Parses a parquet.thrift <c>PageHeader</c> (Thrift compact) at the start of a page.</summary>
internal static class PageHeaderReader
{
    /// <param name="bytes">The rest of the column chunk, starting at the page.</param>
    /// <param name="context">Where the page is, for messages ("page at byte 1234 of column 'x'").</param>
    public static PageHeader Read(ReadOnlyMemory<byte> bytes, string context)
    {
        var thrift = new CompactProtocolReader(bytes, context);
        PageType? pageType = null;
        int? uncompressed = null;
        int? compressed = null;
        var header = new PageHeader(0, 0, 0, 0, 0, ParquetEncoding.Plain, ParquetEncoding.Rle, 0, 0, 0, IsCompressed: true);
        var hasTypeHeader = false;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    pageType = (PageType)thrift.ReadI32();
                    break;
                case 2 when type == CompactType.I32:
                    uncompressed = thrift.ReadI32();
                    break;
                case 3 when type == CompactType.I32:
                    compressed = thrift.ReadI32();
                    break;
                case 5 when type == CompactType.Struct:
                    header = ReadDataPageHeader(thrift, header);
                    hasTypeHeader = true;
                    break;
                case 7 when type == CompactType.Struct:
                    header = ReadDictionaryPageHeader(thrift, header);
                    hasTypeHeader = true;
                    break;
                case 8 when type == CompactType.Struct:
                    header = ReadDataPageHeaderV2(thrift, header);
                    hasTypeHeader = true;
                    break;
                default:
                    thrift.Skip(type);
                    break;
            }
        }

        thrift.EndStruct();
        header = header with
        {
            HeaderLength = thrift.Position,
            Type = pageType ?? throw thrift.Corrupt("the page header has no type"),
            UncompressedSize = uncompressed ?? throw thrift.Corrupt("the page header has no uncompressed_page_size"),
            CompressedSize = compressed ?? throw thrift.Corrupt("the page header has no compressed_page_size"),
        };

        if (header.UncompressedSize < 0 || header.CompressedSize < 0 || header.ValueCount < 0 || header.NullCount < 0
            || header.DefinitionLevelsLength < 0 || header.RepetitionLevelsLength < 0)
        {
            throw thrift.Corrupt("the page header has a negative size or count");
        }

        if (!hasTypeHeader && header.Type is PageType.DataPage or PageType.DictionaryPage or FormatValues.DataPageV2)
        {
            throw thrift.Corrupt($"the {header.Type} page header lacks its type-specific header");
        }

        return header;
    }

    private static PageHeader ReadDataPageHeader(CompactProtocolReader thrift, PageHeader header)
    {
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            header = (id, type) switch
            {
                (1, CompactType.I32) => header with { ValueCount = thrift.ReadI32() },
                (2, CompactType.I32) => header with { Encoding = (ParquetEncoding)thrift.ReadI32() },
                (3, CompactType.I32) => header with { DefinitionLevelEncoding = (ParquetEncoding)thrift.ReadI32() },
                _ => Skipped(thrift, type, header),
            };
        }

        thrift.EndStruct();
        return header;
    }

    private static PageHeader ReadDictionaryPageHeader(CompactProtocolReader thrift, PageHeader header)
    {
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            header = (id, type) switch
            {
                (1, CompactType.I32) => header with { ValueCount = thrift.ReadI32() },
                (2, CompactType.I32) => header with { Encoding = (ParquetEncoding)thrift.ReadI32() },
                _ => Skipped(thrift, type, header),
            };
        }

        thrift.EndStruct();
        return header;
    }

    private static PageHeader ReadDataPageHeaderV2(CompactProtocolReader thrift, PageHeader header)
    {
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            header = (id, type) switch
            {
                (1, CompactType.I32) => header with { ValueCount = thrift.ReadI32() },
                (2, CompactType.I32) => header with { NullCount = thrift.ReadI32() },
                (4, CompactType.I32) => header with { Encoding = (ParquetEncoding)thrift.ReadI32() },
                (5, CompactType.I32) => header with { DefinitionLevelsLength = thrift.ReadI32() },
                (6, CompactType.I32) => header with { RepetitionLevelsLength = thrift.ReadI32() },
                (7, CompactType.BooleanTrue or CompactType.BooleanFalse) => header with { IsCompressed = CompactProtocolReader.BoolFieldValue(type) },
                _ => Skipped(thrift, type, header),
            };
        }

        thrift.EndStruct();
        return header;
    }

    private static PageHeader Skipped(CompactProtocolReader thrift, CompactType type, PageHeader header)
    {
        thrift.Skip(type);
        return header;
    }
}
