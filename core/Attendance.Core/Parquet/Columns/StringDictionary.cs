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

    // Hash, entry and offset share a slot, so a lookup in a large dictionary (a participant key per row) touches
    // one slot and the entry's bytes: two cache misses rather than four with parallel arrays.
    private Slot[] _slots = new Slot[2048];

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
        var index = hash & mask;
        while (true)
        {
            ref var slot = ref _slots[index];
            if (slot.EntryPlusOne == 0)
            {
                break;
            }

            if (slot.Hash == hash && EntryAt(slot.Offset).SequenceEqual(value))
            {
                added = false;
                return slot.EntryPlusOne - 1;
            }

            index = (index + 1) & mask;
        }

        var entry = Count++;
        _slots[index] = new Slot(hash, entry + 1, _plain.Length);
        _plain.WriteInt32LittleEndian(value.Length);
        _plain.Write(value);
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }

        added = true;
        return entry;
    }

    public void Clear()
    {
        Array.Clear(_slots);
        _plain.Clear();
        Count = 0;
    }

    private ReadOnlySpan<byte> EntryAt(int offset)
    {
        var plain = _plain.WrittenSpan[offset..];
        return plain.Slice(4, BinaryPrimitives.ReadInt32LittleEndian(plain));
    }

    private void Rehash()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.EntryPlusOne == 0)
            {
                continue;
            }

            var index = slot.Hash & mask;
            while (_slots[index].EntryPlusOne != 0)
            {
                index = (index + 1) & mask;
            }

            _slots[index] = slot;
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

    private readonly record struct Slot(int Hash, int EntryPlusOne, int Offset);
}
