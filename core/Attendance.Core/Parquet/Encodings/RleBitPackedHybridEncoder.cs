using System.Numerics;
using System.Runtime.CompilerServices;
using Attendance.Parquet.Buffers;

namespace Attendance.Parquet.Encodings;

/// <summary>
/// The RLE/bit-packed hybrid of Encodings.md, used for definition levels and dictionary indices. Runs of at
/// least eight equal values become RLE runs; everything else is bit-packed in groups of eight. A bit-packed run
/// ends only where an RLE run begins on a group boundary, so only the last group of the data is ever padded.
/// </summary>
internal static class RleBitPackedHybridEncoder
{
    private const int GroupSize = 8;

    /// <summary>The bits needed for values up to <paramref name="maxValue"/>; at least 1, since some readers mishandle width 0.</summary>
    public static int BitWidth(int maxValue) => Math.Max(1, 32 - BitOperations.LeadingZeroCount((uint)maxValue));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Encode<T>(ReadOnlySpan<T> values, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i);
            if (run >= GroupSize)
            {
                WriteRleRun(int.CreateTruncating(values[i]), run, bitWidth, output);
                i += run;
                continue;
            }

            var start = i;
            do
            {
                i += GroupSize;
            }
            while (i < values.Length && !StartsRun(values, i));

            WriteBitPackedRun(values[start..Math.Min(i, values.Length)], (i - start) / GroupSize, bitWidth, output);
        }
    }

    private static int RunLength<T>(ReadOnlySpan<T> values, int start)
        where T : unmanaged, IBinaryInteger<T>
    {
        var different = values[start..].IndexOfAnyExcept(values[start]);
        return different < 0 ? values.Length - start : different;
    }

    private static bool StartsRun<T>(ReadOnlySpan<T> values, int start)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (values.Length - start < GroupSize)
        {
            return false;
        }

        var first = values[start];
        for (var k = 1; k < GroupSize; k++)
        {
            if (values[start + k] != first)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteRleRun(int value, int count, int bitWidth, ByteBuffer output)
    {
        output.WriteVarint((ulong)count << 1);
        var width = (bitWidth + 7) / 8;
        var span = output.GetSpan(width);
        for (var b = 0; b < width; b++)
        {
            span[b] = (byte)(value >> (8 * b));
        }

        output.Advance(width);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteBitPackedRun<T>(ReadOnlySpan<T> values, int groups, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        output.WriteVarint(((ulong)groups << 1) | 1);
        var byteCount = groups * bitWidth;
        var span = output.GetSpan(byteCount)[..byteCount];
        ulong buffer = 0;
        var bits = 0;
        var position = 0;
        foreach (var value in values)
        {
            buffer |= ulong.CreateTruncating(value) << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[position++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }

        // The last group is padded with zeros; readers stop at the page's value count.
        if (bits > 0)
        {
            span[position++] = (byte)buffer;
        }

        span[position..].Clear();
        output.Advance(byteCount);
    }
}
