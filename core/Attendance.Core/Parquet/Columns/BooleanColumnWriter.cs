using System.Runtime.CompilerServices;
using Attendance.Parquet.Buffers;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Columns;

/// <summary>BOOLEAN columns, always PLAIN (bit-packed, LSB first): RLE booleans broke Power BI Service refreshes.</summary>
internal sealed class BooleanColumnWriter : ColumnWriter
{
    private readonly bool[] _values;
    private int _count;
    private bool _seenFalse;
    private bool _seenTrue;

    public BooleanColumnWriter(ParquetColumn column, PageWriter pageWriter, ParquetWriterOptions options)
        : base(column, pageWriter, options)
    {
        _values = new bool[options.PageRows];
    }

    protected override long PageValueBytes => (_count + 7) / 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(bool value)
    {
        _values[_count++] = value;
        _seenTrue |= value;
        _seenFalse |= !value;
        ValueAppended();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override ParquetEncoding WritePageValues(ByteBuffer body)
    {
        var byteCount = (_count + 7) / 8;
        var packed = body.GetSpan(byteCount)[..byteCount];
        packed.Clear();
        for (var i = 0; i < _count; i++)
        {
            if (_values[i])
            {
                packed[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        body.Advance(byteCount);
        _count = 0;
        return ParquetEncoding.Plain;
    }

    protected override (byte[]? Min, byte[]? Max) TakeStatistics() =>
        _seenFalse || _seenTrue ? ([_seenFalse ? (byte)0 : (byte)1], [_seenTrue ? (byte)1 : (byte)0]) : (null, null);

    protected override void ResetRowGroup() => _seenFalse = _seenTrue = false;
}
