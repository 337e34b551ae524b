using System.Runtime.CompilerServices;
using Attendance.Parquet.Buffers;
using Attendance.Parquet.Encodings;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Columns;

/// <summary>
/// Buffers one column of the open row group: the values and definition levels of the open page, and the
/// compressed pages already closed. Subclasses store values; this class owns pages, levels and the chunk.
/// </summary>
/// <remarks>
/// The per-value methods here and in the subclasses are marked AggressiveOptimization: the nightly export runs in
/// a fresh Functions process, where tiered compilation would otherwise write much of a file with unoptimized
/// code (measured: a quarter of the write time at 1M rows).
/// </remarks>
internal abstract class ColumnWriter
{
    private readonly PageWriter _pageWriter;
    private readonly int _pageBytes;
    private readonly int _pageRows;
    private readonly byte[]? _definitionLevels;
    private readonly SegmentedBuffer _dataPages = new();
    private SegmentedBuffer? _dictionaryPage;
    private int _pageValueCount;
    private long _valueCount;
    private long _nullCount;
    private long _dataPagesUncompressed;
    private int _encodings;
    private int _plainDataPages;
    private int _dictionaryDataPages;

    protected ColumnWriter(ParquetColumn column, PageWriter pageWriter, ParquetWriterOptions options)
    {
        Column = column;
        _pageWriter = pageWriter;
        _pageBytes = options.PageBytes;
        _pageRows = options.PageRows;
        _definitionLevels = column.IsRequired ? null : new byte[options.PageRows];
    }

    public ParquetColumn Column { get; }

    /// <summary>Values (nulls included) in the open row group.</summary>
    public long ValueCount => _valueCount;

    /// <summary>Memory the open row group holds for this column: closed pages, the open page and any dictionary.</summary>
    public long BufferedBytes => _dataPages.Length + PageValueBytes + DictionaryBytes;

    /// <summary>Uncompressed bytes of the values in the open page, which decide when it closes.</summary>
    protected abstract long PageValueBytes { get; }

    protected virtual long DictionaryBytes => 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendNull()
    {
        if (_definitionLevels is null)
        {
            throw new InvalidOperationException($"Column '{Column.Name}' is REQUIRED and cannot hold a null.");
        }

        _definitionLevels[_pageValueCount] = 0;
        _nullCount++;
        Advance();
    }

    /// <summary>Called by subclasses after storing a non-null value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void ValueAppended()
    {
        if (_definitionLevels is not null)
        {
            _definitionLevels[_pageValueCount] = 1;
        }

        Advance();
    }

    /// <summary>Closes the open page, if it has values, into the chunk's compressed pages.</summary>
    protected void ClosePage()
    {
        if (_pageValueCount == 0)
        {
            return;
        }

        var body = _pageWriter.Body;
        if (_definitionLevels is not null)
        {
            var lengthPosition = body.Length;
            body.WriteInt32LittleEndian(0);
            RleBitPackedHybridEncoder.Encode<byte>(_definitionLevels.AsSpan(0, _pageValueCount), 1, body);
            body.PatchInt32LittleEndian(lengthPosition, body.Length - lengthPosition - 4);
            _encodings |= 1 << (int)ParquetEncoding.Rle;
        }

        var encoding = WritePageValues(body);
        _encodings |= 1 << (int)encoding;
        if (encoding == ParquetEncoding.RleDictionary)
        {
            _dictionaryDataPages++;
        }
        else
        {
            _plainDataPages++;
        }

        _dataPagesUncompressed += _pageWriter.WriteDataPage(_dataPages, _pageValueCount, encoding).Uncompressed;
        _pageValueCount = 0;
    }

    /// <summary>Appends the open page's values to <paramref name="body"/> and empties the page; returns their encoding.</summary>
    protected abstract ParquetEncoding WritePageValues(ByteBuffer body);

    /// <summary>Writes the PLAIN dictionary page of the chunk, if the chunk uses one.</summary>
    protected virtual PageSizes? WriteDictionaryPage(PageWriter pageWriter, SegmentedBuffer destination) => null;

    /// <summary>The chunk's min and max as PLAIN bytes in the type's sort order, or nulls when it has no non-null value.</summary>
    protected abstract (byte[]? Min, byte[]? Max) TakeStatistics();

    /// <summary>Forgets the row group's values; buffers are kept for the next one.</summary>
    protected abstract void ResetRowGroup();

    /// <summary>Writes the row group's column chunk at <paramref name="offset"/> of the file and starts the next row group.</summary>
    public async ValueTask<ColumnChunkMetadata> WriteChunkAsync(Stream destination, long offset, CancellationToken cancellationToken = default)
    {
        ClosePage();
        long? dictionaryOffset = null;
        long uncompressed = _dataPagesUncompressed;
        long compressed = _dataPages.Length;
        var encodings = _encodings;

        _dictionaryPage?.Clear();
        _dictionaryPage ??= new SegmentedBuffer();
        if (WriteDictionaryPage(_pageWriter, _dictionaryPage) is { } dictionarySizes)
        {
            await _dictionaryPage.CopyToAsync(destination, cancellationToken);
            dictionaryOffset = offset;
            uncompressed += dictionarySizes.Uncompressed;
            compressed += dictionarySizes.Compressed;
            encodings |= 1 << (int)ParquetEncoding.Plain;
        }

        var dataPageOffset = offset + (dictionaryOffset is null ? 0 : compressed - _dataPages.Length);
        await _dataPages.CopyToAsync(destination, cancellationToken);

        List<PageEncodingCount> encodingStats = [];
        if (dictionaryOffset is not null)
        {
            encodingStats.Add(new PageEncodingCount(PageType.DictionaryPage, ParquetEncoding.Plain, 1));
        }

        if (_plainDataPages > 0)
        {
            encodingStats.Add(new PageEncodingCount(PageType.DataPage, ParquetEncoding.Plain, _plainDataPages));
        }

        if (_dictionaryDataPages > 0)
        {
            encodingStats.Add(new PageEncodingCount(PageType.DataPage, ParquetEncoding.RleDictionary, _dictionaryDataPages));
        }

        var (min, max) = TakeStatistics();
        var metadata = new ColumnChunkMetadata(
            Column,
            [.. Enum.GetValues<ParquetEncoding>().Where(e => (encodings & (1 << (int)e)) != 0)],
            _pageWriter.Codec,
            _valueCount,
            uncompressed,
            compressed,
            dataPageOffset,
            dictionaryOffset,
            _nullCount,
            min,
            max,
            encodingStats);

        _dataPages.Clear();
        _valueCount = 0;
        _nullCount = 0;
        _dataPagesUncompressed = 0;
        _encodings = 0;
        _plainDataPages = 0;
        _dictionaryDataPages = 0;
        ResetRowGroup();
        return metadata;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Advance()
    {
        _pageValueCount++;
        _valueCount++;
        if (_pageValueCount >= _pageRows || PageValueBytes >= _pageBytes)
        {
            ClosePage();
        }
    }
}
