using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using Attendance.Parquet.Buffers;

namespace Attendance.Parquet.Columns;

/// <summary>
/// The distinct values of a string column chunk, kept PLAIN-encoded (4-byte length + UTF-8) so that the
/// buffer is the dictionary page body as is, and indexed by an open-addressing hash table of entry numbers.
/// </summary>
internal sealed class StringDictionary
{
    private readonly ByteBuffer _plain = new(64 * 1024);
    private int[] _offsets = new int[1024];
    private int[] _hashes = new int[1024];
    private int[] _slots = new int[2048];

    public int Count { get; private set; }

    /// <summary>The dictionary page body: every entry, PLAIN-encoded, in index order.</summary>
    public ReadOnlySpan<byte> PlainValues => _plain.WrittenSpan;

    public int ByteSize => _plain.Length;

    /// <summary>Returns the index of <paramref name="value"/>, adding it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> value, out bool added)
    {
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && Entry(entry).SequenceEqual(value))
            {
                added = false;
                return entry;
            }

            slot = (slot + 1) & mask;
        }

        var index = Count++;
        if (index == _offsets.Length)
        {
            Array.Resize(ref _offsets, index * 2);
            Array.Resize(ref _hashes, index * 2);
        }

        _offsets[index] = _plain.Length;
        _hashes[index] = hash;
        _plain.WriteInt32LittleEndian(value.Length);
        _plain.Write(value);
        _slots[slot] = index + 1;
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }

        added = true;
        return index;
    }

    public void Clear()
    {
        Array.Clear(_slots);
        _plain.Clear();
        Count = 0;
    }

    private ReadOnlySpan<byte> Entry(int index)
    {
        var plain = _plain.WrittenSpan[_offsets[index]..];
        return plain.Slice(4, BinaryPrimitives.ReadInt32LittleEndian(plain));
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var index = 0; index < Count; index++)
        {
            var slot = _hashes[index] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = index + 1;
        }
    }

    // A multiply-rotate hash over 8-byte words with a final avalanche: far cheaper than a cryptographic hash,
    // and the table only needs a good spread of the low bits.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> value)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15UL;
        var hash = (ulong)value.Length * Multiplier;
        while (value.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(value)) * Multiplier, 29);
            value = value[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < value.Length; i++)
        {
            tail |= (ulong)value[i] << (8 * i);
        }

        hash = (hash ^ tail) * Multiplier;
        hash ^= hash >> 32;
        hash *= 0xD6E8FEB86659FD93UL;
        hash ^= hash >> 32;
        return (int)hash & int.MaxValue;
    }
}
