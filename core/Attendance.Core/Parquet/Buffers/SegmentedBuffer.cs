namespace Attendance.Parquet.Buffers;

/// <summary>
/// Holds a column chunk's encoded pages until its row group is written. Segments are never copied when
/// the buffer grows and are kept for the next row group, so a steady export allocates nothing once the
/// first row group has sized them.
/// </summary>
internal sealed class SegmentedBuffer
{
    private const int FirstSegmentBytes = 64 * 1024;
    private const int LargestSegmentBytes = 4 * 1024 * 1024;

    private readonly List<byte[]> _segments = [];
    private int _current;
    private int _currentUsed;

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_segments.Count == 0 || _currentUsed == _segments[_current].Length)
            {
                NextSegment();
            }

            var segment = _segments[_current];
            var count = Math.Min(bytes.Length, segment.Length - _currentUsed);
            bytes[..count].CopyTo(segment.AsSpan(_currentUsed));
            _currentUsed += count;
            Length += count;
            bytes = bytes[count..];
        }
    }

    public async ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        var remaining = Length;
        for (var i = 0; remaining > 0; i++)
        {
            var count = (int)Math.Min(remaining, _segments[i].Length);
            await destination.WriteAsync(_segments[i].AsMemory(0, count), cancellationToken);
            remaining -= count;
        }
    }

    /// <summary>Empties the buffer but keeps its segments for reuse.</summary>
    public void Clear()
    {
        _current = 0;
        _currentUsed = 0;
        Length = 0;
    }

    private void NextSegment()
    {
        if (_segments.Count > 0)
        {
            _current++;
        }

        if (_current == _segments.Count)
        {
            // Doubling keeps small chunks (an all-null column) small and big chunks in few segments.
            var size = _segments.Count == 0 ? FirstSegmentBytes : Math.Min(LargestSegmentBytes, _segments[^1].Length * 2);
            _segments.Add(new byte[size]);
        }

        _currentUsed = 0;
    }
}
