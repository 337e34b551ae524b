using Attendance.Parquet.Format;
using Attendance.Parquet.Thrift;

namespace Attendance.Parquet.Reading;

/// <summary>
/// Parses the footer (parquet.thrift <c>FileMetaData</c>) from the Thrift compact protocol. Field ids are those of
/// parquet.thrift; fields the reader does not need (statistics, key-value metadata, column orders, indexes) are
/// skipped whatever their shape, so footers of newer writers still parse.
/// </summary>
internal static class FileMetadataReader
{
    public static FileMetadata Read(ReadOnlyMemory<byte> footer)
    {
        var thrift = new CompactProtocolReader(footer, "Parquet footer");
        List<SchemaElement>? schema = null;
        List<RowGroupInfo>? rowGroups = null;
        long? rowCount = null;
        string? createdBy = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 2 when type == CompactType.List:
                    schema = ReadStructList(thrift, ReadSchemaElement);
                    break;
                case 3 when type == CompactType.I64:
                    rowCount = thrift.ReadI64();
                    break;
                case 4 when type == CompactType.List:
                    rowGroups = ReadStructList(thrift, ReadRowGroup);
                    break;
                case 6 when type == CompactType.Binary:
                    createdBy = thrift.ReadString();
                    break;
                default:
                    thrift.Skip(type);
                    break;
            }
        }

        thrift.EndStruct();
        return new FileMetadata(
            schema ?? throw thrift.Corrupt("FileMetaData has no schema"),
            rowCount ?? throw thrift.Corrupt("FileMetaData has no num_rows"),
            rowGroups ?? throw thrift.Corrupt("FileMetaData has no row_groups"),
            createdBy);
    }

    private static List<T> ReadStructList<T>(CompactProtocolReader thrift, Func<CompactProtocolReader, T> readElement)
    {
        var count = thrift.ReadListHeader(out var elementType);
        if (elementType != CompactType.Struct)
        {
            throw thrift.Corrupt($"a list of structs has elements of type {elementType}");
        }

        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(readElement(thrift));
        }

        return list;
    }

    private static SchemaElement ReadSchemaElement(CompactProtocolReader thrift)
    {
        PhysicalType? physical = null;
        FieldRepetitionType? repetition = null;
        string? name = null;
        var childCount = 0;
        ConvertedType? converted = null;
        LogicalTypeAnnotation? logical = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    physical = (PhysicalType)thrift.ReadI32();
                    break;
                case 3 when type == CompactType.I32:
                    repetition = (FieldRepetitionType)thrift.ReadI32();
                    break;
                case 4 when type == CompactType.Binary:
                    name = thrift.ReadString();
                    break;
                case 5 when type == CompactType.I32:
                    childCount = thrift.ReadI32();
                    break;
                case 6 when type == CompactType.I32:
                    converted = (ConvertedType)thrift.ReadI32();
                    break;
                case 10 when type == CompactType.Struct:
                    logical = ReadLogicalType(thrift);
                    break;
                default:
                    thrift.Skip(type);
                    break;
            }
        }

        thrift.EndStruct();
        return new SchemaElement(name ?? throw thrift.Corrupt("a SchemaElement has no name"), physical, repetition, childCount, converted, logical);
    }

    private static LogicalTypeAnnotation? ReadLogicalType(CompactProtocolReader thrift)
    {
        // A union: one field whose id names the member; TIMESTAMP and INTEGER carry parameters, the rest are empty structs.
        LogicalTypeAnnotation? logical = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            logical = (id, type) switch
            {
                ((short)LogicalTypeKind.Timestamp, CompactType.Struct) => ReadTimestampType(thrift),
                ((short)LogicalTypeKind.Integer, CompactType.Struct) => ReadIntegerType(thrift),
                _ => SkipMember(thrift, id, type),
            };
        }

        thrift.EndStruct();
        return logical;
    }

    private static LogicalTypeAnnotation SkipMember(CompactProtocolReader thrift, short id, CompactType type)
    {
        thrift.Skip(type);
        return new LogicalTypeAnnotation((LogicalTypeKind)id);
    }

    private static LogicalTypeAnnotation ReadTimestampType(CompactProtocolReader thrift)
    {
        var adjustedToUtc = false;
        TimeUnit? unit = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type is CompactType.BooleanTrue or CompactType.BooleanFalse:
                    adjustedToUtc = CompactProtocolReader.BoolFieldValue(type);
                    break;
                case 2 when type == CompactType.Struct:
                    unit = ReadTimeUnit(thrift);
                    break;
                default:
                    thrift.Skip(type);
                    break;
            }
        }

        thrift.EndStruct();
        return new LogicalTypeAnnotation(LogicalTypeKind.Timestamp, IsAdjustedToUtc: adjustedToUtc, Unit: unit);
    }

    private static TimeUnit? ReadTimeUnit(CompactProtocolReader thrift)
    {
        TimeUnit? unit = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            unit = id is >= (short)TimeUnit.Millis and <= (short)TimeUnit.Nanos ? (TimeUnit)id : null;
            thrift.Skip(type);
        }

        thrift.EndStruct();
        return unit;
    }

    private static LogicalTypeAnnotation ReadIntegerType(CompactProtocolReader thrift)
    {
        var bitWidth = 0;
        var signed = true;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Byte:
                    bitWidth = thrift.ReadI8();
                    break;
                case 2 when type is CompactType.BooleanTrue or CompactType.BooleanFalse:
                    signed = CompactProtocolReader.BoolFieldValue(type);
                    break;
                default:
                    thrift.Skip(type);
                    break;
            }
        }

        thrift.EndStruct();
        return new LogicalTypeAnnotation(LogicalTypeKind.Integer, BitWidth: bitWidth, IsSigned: signed);
    }

    private static RowGroupInfo ReadRowGroup(CompactProtocolReader thrift)
    {
        List<ColumnChunkInfo>? columns = null;
        long? rowCount = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.List:
                    columns = ReadStructList(thrift, ReadColumnChunk);
                    break;
                case 3 when type == CompactType.I64:
                    rowCount = thrift.ReadI64();
                    break;
                default:
                    thrift.Skip(type);
                    break;
            }
        }

        thrift.EndStruct();
        return new RowGroupInfo(
            columns ?? throw thrift.Corrupt("a RowGroup has no columns"),
            rowCount ?? throw thrift.Corrupt("a RowGroup has no num_rows"));
    }

    private static ColumnChunkInfo ReadColumnChunk(CompactProtocolReader thrift)
    {
        string? filePath = null;
        ColumnChunkInfo? chunk = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Binary:
                    filePath = thrift.ReadString();
                    break;
                case 3 when type == CompactType.Struct:
                    chunk = ReadColumnMetadata(thrift);
                    break;
                default:
                    thrift.Skip(type);
                    break;
            }
        }

        thrift.EndStruct();
        return (chunk ?? throw thrift.Corrupt("a ColumnChunk has no meta_data")) with { ExternalFilePath = filePath };
    }

    private static ColumnChunkInfo ReadColumnMetadata(CompactProtocolReader thrift)
    {
        PhysicalType? physical = null;
        List<string>? path = null;
        CompressionCodec? codec = null;
        long? valueCount = null;
        long? compressedSize = null;
        long? dataPageOffset = null;
        long? dictionaryPageOffset = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    physical = (PhysicalType)thrift.ReadI32();
                    break;
                case 3 when type == CompactType.List:
                    path = ReadStringList(thrift);
                    break;
                case 4 when type == CompactType.I32:
                    codec = (CompressionCodec)thrift.ReadI32();
                    break;
                case 5 when type == CompactType.I64:
                    valueCount = thrift.ReadI64();
                    break;
                case 7 when type == CompactType.I64:
                    compressedSize = thrift.ReadI64();
                    break;
                case 9 when type == CompactType.I64:
                    dataPageOffset = thrift.ReadI64();
                    break;
                case 11 when type == CompactType.I64:
                    dictionaryPageOffset = thrift.ReadI64();
                    break;
                default:
                    thrift.Skip(type);
                    break;
            }
        }

        thrift.EndStruct();
        return new ColumnChunkInfo(
            physical ?? throw thrift.Corrupt("a ColumnMetaData has no type"),
            codec ?? throw thrift.Corrupt("a ColumnMetaData has no codec"),
            valueCount ?? throw thrift.Corrupt("a ColumnMetaData has no num_values"),
            compressedSize ?? throw thrift.Corrupt("a ColumnMetaData has no total_compressed_size"),
            dataPageOffset ?? throw thrift.Corrupt("a ColumnMetaData has no data_page_offset"),
            dictionaryPageOffset,
            path ?? throw thrift.Corrupt("a ColumnMetaData has no path_in_schema"),
            ExternalFilePath: null);
    }

    private static List<string> ReadStringList(CompactProtocolReader thrift)
    {
        var count = thrift.ReadListHeader(out var elementType);
        if (elementType != CompactType.Binary)
        {
            throw thrift.Corrupt($"a list of strings has elements of type {elementType}");
        }

        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(thrift.ReadString());
        }

        return list;
    }
}
