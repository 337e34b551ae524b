using System.Buffers.Binary;

namespace Attendance.Parquet.Reading;

/// <summary>
/// Reads the RLE/bit-packed hybrid of Encodings.md (definition levels, dictionary indices, RLE booleans). Every run header
/// consumes at least one byte, so corrupt input ends in an error at the end of the data, never in a loop.
/// </summary>
internal static class RleBitPackedHybridDecoder
{
    /// <summary>Decodes exactly <c>output.Length</c> values of <paramref name="bitWidth"/> bits; padding after them is ignored.</summary>
    /// <exception cref="InvalidDataException">The runs end before the values do, or a header is malformed.</exception>
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> output, string context)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new InvalidDataException($"Corrupt {context}: bit width {bitWidth} is outside 0-32.");
        }

        var position = 0;
        var written = 0;
        while (written < output.Length)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException($"Corrupt {context}: the runs end after {written} of {output.Length} values.");
            }

            var header = Varint.Read(data, ref position, 5, context);
            if ((header & 1) == 0)
            {
                var count = (int)Math.Min(header >> 1, (uint)(output.Length - written));
                var valueBytes = (bitWidth + 7) / 8;
                if (data.Length - position < valueBytes)
                {
                    throw new InvalidDataException($"Corrupt {context}: an RLE run's value runs past the end.");
                }

                var value = 0;
                for (var b = 0; b < valueBytes; b++)
                {
                    value |= data[position + b] << (8 * b);
                }

                position += valueBytes;
                output.Slice(written, count).Fill(value);
                written += count;
            }
            else
            {
                // The last run may be cut short of its declared groups (arrow-rs reads such files); only values
                // actually needed must be present.
                var declaredBytes = (long)(header >> 1) * bitWidth;
                var runBytes = (int)Math.Min(declaredBytes, data.Length - position);
                var count = (int)Math.Min((long)(header >> 1) * 8, output.Length - written);
                if ((long)count * bitWidth > (long)runBytes * 8)
                {
                    throw new InvalidDataException($"Corrupt {context}: a bit-packed run holds fewer than the {count} values still needed.");
                }

                var packed = data.Slice(position, runBytes);
                for (var i = 0; i < count; i++)
                {
                    output[written + i] = (int)BitPacking.Get(packed, bitWidth, i);
                }

                position += runBytes;
                written += count;
            }
        }
    }

    /// <summary>Splits off hybrid runs prefixed by their 4-byte little-endian length (v1 definition levels, RLE booleans).</summary>
    public static ReadOnlySpan<byte> LengthPrefixed(ReadOnlySpan<byte> data, string what, string context, out ReadOnlySpan<byte> rest)
    {
        if (data.Length < sizeof(int))
        {
            throw new InvalidDataException($"Corrupt {context}: no room for the length of the {what}.");
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (length > (uint)(data.Length - sizeof(int)))
        {
            throw new InvalidDataException($"Corrupt {context}: {what} claim {length} bytes, the page holds {data.Length - sizeof(int)}.");
        }

        rest = data[(sizeof(int) + (int)length)..];
        return data.Slice(sizeof(int), (int)length);
    }
}
