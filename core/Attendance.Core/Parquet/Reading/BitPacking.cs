namespace Attendance.Parquet.Reading;

/// <summary>Values bit-packed least significant bit first, as in hybrid runs and DELTA_BINARY_PACKED miniblocks.</summary>
internal static class BitPacking
{
    /// <summary>Value <paramref name="index"/> of values packed <paramref name="bitWidth"/> bits each (0-64); the caller has checked the bytes exist.</summary>
    public static ulong Get(ReadOnlySpan<byte> packed, int bitWidth, int index)
    {
        if (bitWidth == 0)
        {
            return 0;
        }

        // Up to 64 bits starting anywhere in a byte span nine bytes; a 128-bit buffer holds them.
        var bit = (long)index * bitWidth;
        var first = (int)(bit >> 3);
        var last = (int)((bit + bitWidth - 1) >> 3);
        UInt128 buffer = 0;
        for (var b = first; b <= last; b++)
        {
            buffer |= (UInt128)packed[b] << (8 * (b - first));
        }

        var mask = bitWidth == 64 ? ulong.MaxValue : (1UL << bitWidth) - 1;
        return (ulong)(buffer >> (int)(bit & 7)) & mask;
    }
}
