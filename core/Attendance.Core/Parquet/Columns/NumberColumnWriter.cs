using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Attendance.Parquet.Buffers;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Columns;

/// <summary>
/// INT32, INT64 and DOUBLE columns (and DATE and TIMESTAMP, which are INT32 and INT64), PLAIN-encoded:
/// the page's values are copied as little-endian bytes, which is also their in-memory layout here.
/// </summary>
internal sealed class NumberColumnWriter<T> : ColumnWriter
    where T : unmanaged, INumber<T>
{
    private readonly T[] _values;
    private int _count;
    private bool _hasMinMax;
    private T _min;
    private T _max;

    public NumberColumnWriter(ParquetColumn column, PageWriter pageWriter, ParquetWriterOptions options)
        : base(column, pageWriter, options)
    {
        _values = new T[options.PageRows];
    }

    protected override long PageValueBytes => (long)_count * Unsafe.SizeOf<T>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(T value)
    {
        _values[_count++] = value;
        ValueAppended();
    }

    protected override ParquetEncoding WritePageValues(ByteBuffer body)
    {
        var values = _values.AsSpan(0, _count);
        UpdateMinMax(values);
        body.Write(MemoryMarshal.AsBytes(values));
        _count = 0;
        return ParquetEncoding.Plain;
    }

    protected override (byte[]? Min, byte[]? Max) TakeStatistics()
    {
        if (!_hasMinMax)
        {
            return (null, null);
        }

        // LogicalTypes.md: a zero minimum is written as -0.0 and a zero maximum as +0.0, so readers that
        // order -0.0 before +0.0 never skip a page wrongly. For integers both are plain 0.
        var min = T.IsZero(_min) ? -T.Zero : _min;
        var max = T.IsZero(_max) ? T.Zero : _max;
        return (ToBytes(min), ToBytes(max));
    }

    protected override void ResetRowGroup() => _hasMinMax = false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateMinMax(ReadOnlySpan<T> values)
    {
        foreach (var value in values)
        {
            // NaN has no place in the order, so it is left out of min/max (as parquet-java and arrow-rs do).
            if (T.IsNaN(value))
            {
                continue;
            }

            if (!_hasMinMax)
            {
                _min = _max = value;
                _hasMinMax = true;
            }
            else if (value < _min)
            {
                _min = value;
            }
            else if (value > _max)
            {
                _max = value;
            }
        }
    }

    private static byte[] ToBytes(T value) => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();
}
