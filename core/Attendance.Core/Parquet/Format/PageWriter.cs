using Attendance.Parquet.Buffers;
using Attendance.Parquet.Compression;
using Attendance.Parquet.Thrift;

namespace Attendance.Parquet.Format;

/// <summary>
/// Turns a page body into header + compressed body in a column chunk. One instance serves every column of a
/// file: columns close pages one at a time, so a single scratch body and compressor suffice.
/// </summary>
internal sealed class PageWriter
{
    private readonly PageCompressor _compressor;
    private readonly ByteBuffer _header = new(64);
    private readonly CompactProtocolWriter _thrift;

    public PageWriter(ParquetCompression compression, int pageBytes)
    {
        _compressor = new PageCompressor(compression);
        _thrift = new CompactProtocolWriter(_header);
        Body = new ByteBuffer(Math.Min(pageBytes, 4 * 1024 * 1024) + 1024);
    }

    /// <summary>Scratch space in which a column assembles the body of its next data page.</summary>
    public ByteBuffer Body { get; }

    public CompressionCodec Codec => _compressor.Codec;

    /// <summary>Writes a v1 data page whose body is in <see cref="Body"/>, then clears the body.</summary>
    public PageSizes WriteDataPage(SegmentedBuffer destination, int valueCount, ParquetEncoding encoding)
    {
        var sizes = WritePage(destination, Body.WrittenSpan, PageType.DataPage, valueCount, encoding);
        Body.Clear();
        return sizes;
    }

    /// <summary>Writes a dictionary page whose body is the PLAIN-encoded distinct values.</summary>
    public PageSizes WriteDictionaryPage(SegmentedBuffer destination, ReadOnlySpan<byte> body, int valueCount) =>
        WritePage(destination, body, PageType.DictionaryPage, valueCount, ParquetEncoding.Plain);

    private PageSizes WritePage(SegmentedBuffer destination, ReadOnlySpan<byte> body, PageType type, int valueCount, ParquetEncoding encoding)
    {
        var compressed = _compressor.Compress(body);
        _header.Clear();
        _thrift.BeginStruct();
        _thrift.WriteI32Field(1, (int)type);
        _thrift.WriteI32Field(2, body.Length);
        _thrift.WriteI32Field(3, compressed.Length);
        if (type == PageType.DataPage)
        {
            _thrift.BeginStructField(5);
            _thrift.WriteI32Field(1, valueCount);
            _thrift.WriteI32Field(2, (int)encoding);
            _thrift.WriteI32Field(3, (int)ParquetEncoding.Rle);
            _thrift.WriteI32Field(4, (int)ParquetEncoding.Rle);
            _thrift.EndStruct();
        }
        else
        {
            _thrift.BeginStructField(7);
            _thrift.WriteI32Field(1, valueCount);
            _thrift.WriteI32Field(2, (int)encoding);
            _thrift.EndStruct();
        }

        _thrift.EndStruct();
        destination.Write(_header.WrittenSpan);
        destination.Write(compressed);
        return new PageSizes(_header.Length + body.Length, _header.Length + compressed.Length);
    }
}
