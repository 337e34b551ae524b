using System.Buffers.Binary;

namespace Attendance.Parquet.Buffers;

/// <summary>
/// A growable, reusable byte buffer for page bodies and Thrift headers. Unlike MemoryStream it hands out
/// spans to write into, so encoders write in place without an intermediate copy.
/// </summary>
internal sealed class ByteBuffer(int initialCapacity = 4096)
{
    private byte[] _buffer = new byte[Math.Max(16, initialCapacity)];

    public int Length { get; private set; }

    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Returns at least <paramref name="sizeHint"/> writable bytes after the written part.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        EnsureFree(sizeHint);
        return _buffer.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        EnsureFree(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteByte(byte value)
    {
        EnsureFree(1);
        _buffer[Length++] = value;
    }

    public void WriteInt32LittleEndian(int value)
    {
        EnsureFree(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(Length), value);
        Length += 4;
    }

    /// <summary>Overwrites four bytes already written, for length prefixes known only after the content.</summary>
    public void PatchInt32LittleEndian(int position, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(position, 4), value);

    public void WriteVarint(ulong value)
    {
        EnsureFree(10);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[Length++] = (byte)value;
    }

    private void EnsureFree(int count)
    {
        if (_buffer.Length - Length >= count)
        {
            return;
        }

        var required = (long)Length + count;
        if (required > Array.MaxLength)
        {
            throw new InvalidOperationException($"A Parquet buffer cannot grow beyond {Array.MaxLength} bytes; lower the page or row-group size.");
        }

        var next = (int)Math.Min(Array.MaxLength, Math.Max(required, (long)_buffer.Length * 2));
        Array.Resize(ref _buffer, next);
    }
}
