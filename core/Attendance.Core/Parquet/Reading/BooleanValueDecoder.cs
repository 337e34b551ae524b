using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>PLAIN BOOLEAN: one bit per value, least significant bit first.</summary>
internal sealed class BooleanValueDecoder : IValueDecoder<bool>
{
    public static PhysicalType PhysicalType => PhysicalType.Boolean;

    public static void Decode(ReadOnlySpan<byte> data, Span<bool> output, string context)
    {
        var bytes = PlainValues.Fixed(data, (output.Length + 7) / 8, 1, context);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (bytes[i >> 3] & (1 << (i & 7))) != 0;
        }
    }

    public static void DecodeEncoded(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<bool> output, string context)
    {
        if (encoding != ParquetEncoding.Rle)
        {
            throw FormatValues.UnsupportedEncoding(encoding, context);
        }

        // RLE booleans (arrow-rs's default in v2 pages) are length-prefixed hybrid runs of 0 and 1.
        var bits = new int[output.Length];
        RleBitPackedHybridDecoder.Decode(RleBitPackedHybridDecoder.LengthPrefixed(data, "RLE booleans", context, out _), 1, bits, $"booleans of the {context}");
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = bits[i] != 0;
        }
    }
}
