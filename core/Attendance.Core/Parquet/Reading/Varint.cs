namespace Attendance.Parquet.Reading;

/// <summary>
/// ULEB128 varints and zigzag decoding, shared by everything that reads them: Thrift headers, hybrid run headers,
/// DELTA_BINARY_PACKED and the Snappy length preamble. Reads are bounded by the data and by a byte count.
/// </summary>
internal static class Varint
{
    /// <summary>Reads a varint of at most <paramref name="maxBytes"/> bytes (5 for 32-bit values, 10 for 64-bit ones).</summary>
    /// <exception cref="InvalidDataException">The data ends inside the varint, or it is longer than allowed.</exception>
    public static ulong Read(ReadOnlySpan<byte> data, ref int position, int maxBytes, string context)
    {
        ulong value = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException($"Corrupt {context}: a varint runs past the end at byte {position}.");
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException($"Corrupt {context}: a varint is longer than {maxBytes} bytes at byte {position}.");
    }

    public static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
