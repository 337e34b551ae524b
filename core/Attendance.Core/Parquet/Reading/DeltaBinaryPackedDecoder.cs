namespace Attendance.Parquet.Reading;

/// <summary>
/// DELTA_BINARY_PACKED (Encodings.md), which DuckDB's PARQUET_VERSION V2 and arrow-rs's v2 fallback use for
/// integers, dates and timestamps: a header (block size, miniblocks per block, value count, first value), then
/// blocks of a minimum delta, one bit width per miniblock, and the miniblocks' bit-packed deltas above the minimum.
/// </summary>
internal static class DeltaBinaryPackedDecoder
{
    private const ulong MaxBlockSize = 1 << 20;

    /// <summary>
    /// Decodes the first <c>output.Length</c> values and returns the bytes the whole stream takes (DELTA_LENGTH_BYTE_ARRAY
    /// data follows it). INT32 callers truncate, as the format's arithmetic wraps at the type's width.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> output, string context)
    {
        var position = 0;
        var blockSize = Varint.Read(data, ref position, 10, context);
        var miniblocks = Varint.Read(data, ref position, 10, context);
        var total = Varint.Read(data, ref position, 10, context);
        var value = Varint.ZigZag(Varint.Read(data, ref position, 10, context));

        // Writers use blocks of 128 to 1,024 values; the upper bound keeps the size arithmetic below in int range.
        if (blockSize == 0 || blockSize > MaxBlockSize || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0)
        {
            throw new InvalidDataException($"Corrupt {context}: DELTA_BINARY_PACKED blocks of {blockSize} values in {miniblocks} miniblocks.");
        }

        if (total < (ulong)output.Length)
        {
            throw new InvalidDataException($"Corrupt {context}: DELTA_BINARY_PACKED holds {total} values, the page needs {output.Length}.");
        }

        var perMiniblock = (int)(blockSize / miniblocks);
        var written = 0;
        if (total > 0 && !output.IsEmpty)
        {
            output[written++] = value;
        }

        // Every block is read, even past the values needed, to find where the stream ends. Only the miniblocks that
        // hold values are stored, so the loop advances through the data rather than through a claimed count.
        var remaining = total == 0 ? 0 : total - 1;
        while (remaining > 0)
        {
            var minDelta = Varint.ZigZag(Varint.Read(data, ref position, 10, context));
            if ((ulong)(data.Length - position) < miniblocks)
            {
                throw new InvalidDataException($"Corrupt {context}: DELTA_BINARY_PACKED bit widths run past the end.");
            }

            var widths = data.Slice(position, (int)miniblocks);
            position += (int)miniblocks;
            for (var m = 0; m < widths.Length && remaining > 0; m++)
            {
                if (widths[m] > 64)
                {
                    throw new InvalidDataException($"Corrupt {context}: DELTA_BINARY_PACKED bit width {widths[m]}.");
                }

                var bytes = perMiniblock * widths[m] / 8;
                if (data.Length - position < bytes)
                {
                    throw new InvalidDataException($"Corrupt {context}: a DELTA_BINARY_PACKED miniblock runs past the end.");
                }

                var packed = data.Slice(position, bytes);
                position += bytes;
                var stored = Math.Min(Math.Min(perMiniblock, output.Length - written), (int)Math.Min(remaining, int.MaxValue));
                for (var i = 0; i < stored; i++)
                {
                    value = unchecked(value + minDelta + (long)BitPacking.Get(packed, widths[m], i));
                    output[written++] = value;
                }

                remaining -= Math.Min((ulong)perMiniblock, remaining);
            }
        }

        return position;
    }
}
