using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using Attendance.Parquet.Buffers;
using Attendance.Parquet.Encodings;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Columns;

/// <summary>
/// BYTE_ARRAY (UTF-8) columns. Each chunk starts dictionary-encoded; when the dictionary stops paying off (see
/// <see cref="DictionaryPaysOff"/>), the open page is closed and the rest of the chunk is PLAIN, the pages
/// already written keep their indices (as parquet-java and arrow-rs do).
/// </summary>
internal sealed class StringColumnWriter : ColumnWriter
{
    private readonly StringDictionary? _dictionary;
    private readonly int _dictionaryLimit;
    private readonly int _maxDictionaryBytes;
    private readonly int[] _indices;
    private readonly ByteBuffer _plainValues;
    private readonly ByteBuffer _min = new(64);
    private readonly ByteBuffer _max = new(64);
    private byte[] _utf8 = new byte[1024];
    private bool _useDictionary;
    private int _indexCount;
    private long _dictionaryValueCount;
    private bool _hasMinMax;

    public StringColumnWriter(ParquetColumn column, PageWriter pageWriter, ParquetWriterOptions options)
        : base(column, pageWriter, options)
    {
        _dictionaryLimit = options.DictionaryBytes;
        _maxDictionaryBytes = options.MaxDictionaryBytes;
        _dictionary = options.DictionaryBytes > 0 ? new StringDictionary() : null;
        _useDictionary = _dictionary is not null;
        _indices = _dictionary is null ? [] : new int[options.PageRows];
        _plainValues = new ByteBuffer(Math.Min(options.PageBytes, 1024 * 1024) + 1024);
    }

    protected override long PageValueBytes => _useDictionary
        ? (long)_indexCount * RleBitPackedHybridEncoder.BitWidth(_dictionary!.Count) / 8
        : _plainValues.Length;

    protected override long DictionaryBytes => _dictionary?.ByteSize ?? 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<char> value)
    {
        if (_useDictionary)
        {
            if (Encoding.UTF8.GetMaxByteCount(value.Length) > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(_utf8.Length * 2, Encoding.UTF8.GetMaxByteCount(value.Length))];
            }

            AppendUtf8(_utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8)));
            return;
        }

        // PLAIN: encode straight into the page, after a length prefix patched in once the length is known.
        var span = _plainValues.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        UpdateMinMax(span.Slice(4, length));
        _plainValues.Advance(4 + length);
        ValueAppended();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendUtf8(ReadOnlySpan<byte> value)
    {
        if (!_useDictionary)
        {
            _plainValues.WriteInt32LittleEndian(value.Length);
            _plainValues.Write(value);
            UpdateMinMax(value);
            ValueAppended();
            return;
        }

        var index = _dictionary!.GetOrAdd(value, out var added);
        if (added)
        {
            // Every value of a dictionary page is a dictionary entry, so min/max need only new entries.
            UpdateMinMax(value);
        }

        _indices[_indexCount++] = index;
        _dictionaryValueCount++;
        ValueAppended();
        if (_dictionary.ByteSize > _dictionaryLimit && !DictionaryPaysOff())
        {
            ClosePage();
            _useDictionary = false;
        }
    }

    /// <summary>
    /// Past <see cref="ParquetWriterOptions.DictionaryBytes"/>, a dictionary is kept only while values repeat (on
    /// average at least twice per entry, like a participant's key on each day of a training) and up to
    /// <see cref="ParquetWriterOptions.MaxDictionaryBytes"/>; a column of unique values falls back at once.
    /// </summary>
    private bool DictionaryPaysOff() =>
        _dictionaryValueCount >= 2L * _dictionary!.Count && _dictionary.ByteSize <= _maxDictionaryBytes;

    protected override ParquetEncoding WritePageValues(ByteBuffer body)
    {
        if (!_useDictionary)
        {
            body.Write(_plainValues.WrittenSpan);
            _plainValues.Clear();
            return ParquetEncoding.Plain;
        }

        // A page of nulls only has no indices; PLAIN (with no values) keeps it valid even when the chunk has no dictionary.
        if (_indexCount == 0)
        {
            return ParquetEncoding.Plain;
        }

        var bitWidth = RleBitPackedHybridEncoder.BitWidth(_dictionary!.Count - 1);
        body.WriteByte((byte)bitWidth);
        RleBitPackedHybridEncoder.Encode<int>(_indices.AsSpan(0, _indexCount), bitWidth, body);
        _indexCount = 0;
        return ParquetEncoding.RleDictionary;
    }

    protected override PageSizes? WriteDictionaryPage(PageWriter pageWriter, SegmentedBuffer destination) =>
        _dictionary is { Count: > 0 }
            ? pageWriter.WriteDictionaryPage(destination, _dictionary.PlainValues, _dictionary.Count)
            : null;

    protected override (byte[]? Min, byte[]? Max) TakeStatistics() =>
        _hasMinMax ? (_min.WrittenSpan.ToArray(), _max.WrittenSpan.ToArray()) : (null, null);

    protected override void ResetRowGroup()
    {
        _hasMinMax = false;
        _dictionaryValueCount = 0;
        _dictionary?.Clear();
        _useDictionary = _dictionary is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateMinMax(ReadOnlySpan<byte> value)
    {
        if (!_hasMinMax)
        {
            Replace(_min, value);
            Replace(_max, value);
            _hasMinMax = true;
        }
        else if (value.SequenceCompareTo(_min.WrittenSpan) < 0)
        {
            Replace(_min, value);
        }
        else if (value.SequenceCompareTo(_max.WrittenSpan) > 0)
        {
            Replace(_max, value);
        }

        static void Replace(ByteBuffer bound, ReadOnlySpan<byte> value)
        {
            bound.Clear();
            bound.Write(value);
        }
    }
}
