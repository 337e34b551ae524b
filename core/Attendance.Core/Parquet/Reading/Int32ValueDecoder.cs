using System.Buffers.Binary;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>PLAIN INT32: four bytes little-endian per value.</summary>
internal sealed class Int32ValueDecoder : IValueDecoder<int>
{
    public static PhysicalType PhysicalType => PhysicalType.Int32;

    public static void Decode(ReadOnlySpan<byte> data, Span<int> output, string context)
    {
        var bytes = PlainValues.Fixed(data, output.Length, sizeof(int), context);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * sizeof(int))..]);
        }
    }

    public static void DecodeEncoded(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<int> output, string context)
    {
        if (encoding != FormatValues.DeltaBinaryPacked)
        {
            throw FormatValues.UnsupportedEncoding(encoding, context);
        }

        // Decoded at 64 bits, then truncated: 32-bit wrapping sums equal 64-bit sums truncated to 32 bits.
        var wide = new long[output.Length];
        DeltaBinaryPackedDecoder.Decode(data, wide, context);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = unchecked((int)wide[i]);
        }
    }
}
