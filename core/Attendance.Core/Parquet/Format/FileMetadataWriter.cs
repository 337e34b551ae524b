using Attendance.Parquet.Buffers;
using Attendance.Parquet.Thrift;

namespace Attendance.Parquet.Format;

/// <summary>Serializes the footer (parquet.thrift <c>FileMetaData</c>) in the Thrift compact protocol.</summary>
internal static class FileMetadataWriter
{
    public static void Write(ByteBuffer output, ParquetSchema schema, IReadOnlyList<RowGroupMetadata> rowGroups, string createdBy)
    {
        var thrift = new CompactProtocolWriter(output);
        thrift.BeginStruct();
        thrift.WriteI32Field(1, 1);
        WriteSchema(thrift, schema);
        thrift.WriteI64Field(3, rowGroups.Sum(g => g.RowCount));
        thrift.WriteListField(4, CompactType.Struct, rowGroups.Count);
        foreach (var rowGroup in rowGroups)
        {
            WriteRowGroup(thrift, rowGroup);
        }

        thrift.WriteStringField(6, createdBy);

        // TYPE_ORDER for every leaf tells readers min/max follow the type's order (unsigned bytes for strings), so they trust them.
        thrift.WriteListField(7, CompactType.Struct, schema.Columns.Count);
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            thrift.BeginStruct();
            thrift.WriteEmptyStructField(1);
            thrift.EndStruct();
        }

        thrift.EndStruct();
    }

    private static void WriteSchema(CompactProtocolWriter thrift, ParquetSchema schema)
    {
        thrift.WriteListField(2, CompactType.Struct, schema.Columns.Count + 1);
        thrift.BeginStruct();
        thrift.WriteStringField(4, "schema");
        thrift.WriteI32Field(5, schema.Columns.Count);
        thrift.EndStruct();

        foreach (var column in schema.Columns)
        {
            thrift.BeginStruct();
            thrift.WriteI32Field(1, (int)ColumnTypes.Physical(column.Type));
            thrift.WriteI32Field(3, (int)(column.IsRequired ? FieldRepetitionType.Required : FieldRepetitionType.Optional));
            thrift.WriteStringField(4, column.Name);
            if (ColumnTypes.Converted(column.Type) is { } converted)
            {
                thrift.WriteI32Field(6, (int)converted);
            }

            WriteLogicalType(thrift, column.Type);
            thrift.EndStruct();
        }
    }

    private static void WriteLogicalType(CompactProtocolWriter thrift, ParquetColumnType type)
    {
        switch (type)
        {
            case ParquetColumnType.String:
                thrift.BeginStructField(10);
                thrift.WriteEmptyStructField(1);
                thrift.EndStruct();
                break;
            case ParquetColumnType.Date:
                thrift.BeginStructField(10);
                thrift.WriteEmptyStructField(6);
                thrift.EndStruct();
                break;
            case ParquetColumnType.Timestamp:
                thrift.BeginStructField(10);
                thrift.BeginStructField(8);
                thrift.WriteBoolField(1, true);
                thrift.BeginStructField(2);
                thrift.WriteEmptyStructField(2);
                thrift.EndStruct();
                thrift.EndStruct();
                thrift.EndStruct();
                break;
        }
    }

    private static void WriteRowGroup(CompactProtocolWriter thrift, RowGroupMetadata rowGroup)
    {
        thrift.BeginStruct();
        thrift.WriteListField(1, CompactType.Struct, rowGroup.Columns.Count);
        foreach (var chunk in rowGroup.Columns)
        {
            WriteColumnChunk(thrift, chunk);
        }

        thrift.WriteI64Field(2, rowGroup.TotalUncompressedSize);
        thrift.WriteI64Field(3, rowGroup.RowCount);
        thrift.WriteI64Field(5, rowGroup.FileOffset);
        thrift.WriteI64Field(6, rowGroup.TotalCompressedSize);
        thrift.EndStruct();
    }

    private static void WriteColumnChunk(CompactProtocolWriter thrift, ColumnChunkMetadata chunk)
    {
        thrift.BeginStruct();
        thrift.WriteI64Field(2, 0);
        thrift.BeginStructField(3);
        thrift.WriteI32Field(1, (int)ColumnTypes.Physical(chunk.Column.Type));
        thrift.WriteListField(2, CompactType.I32, chunk.Encodings.Count);
        foreach (var encoding in chunk.Encodings)
        {
            thrift.WriteI32Element((int)encoding);
        }

        thrift.WriteListField(3, CompactType.Binary, 1);
        thrift.WriteString(chunk.Column.Name);
        thrift.WriteI32Field(4, (int)chunk.Codec);
        thrift.WriteI64Field(5, chunk.ValueCount);
        thrift.WriteI64Field(6, chunk.TotalUncompressedSize);
        thrift.WriteI64Field(7, chunk.TotalCompressedSize);
        thrift.WriteI64Field(9, chunk.DataPageOffset);
        if (chunk.DictionaryPageOffset is { } dictionaryOffset)
        {
            thrift.WriteI64Field(11, dictionaryOffset);
        }

        thrift.BeginStructField(12);
        thrift.WriteI64Field(3, chunk.NullCount);
        if (chunk.MaxValue is not null && chunk.MinValue is not null)
        {
            thrift.WriteBinaryField(5, chunk.MaxValue);
            thrift.WriteBinaryField(6, chunk.MinValue);
        }

        thrift.EndStruct();

        // encoding_stats let parquet-java see that every data page is dictionary-encoded (for dictionary filtering).
        thrift.WriteListField(13, CompactType.Struct, chunk.EncodingStats.Count);
        foreach (var stats in chunk.EncodingStats)
        {
            thrift.BeginStruct();
            thrift.WriteI32Field(1, (int)stats.PageType);
            thrift.WriteI32Field(2, (int)stats.Encoding);
            thrift.WriteI32Field(3, stats.Count);
            thrift.EndStruct();
        }

        thrift.EndStruct();
        thrift.EndStruct();
    }
}
