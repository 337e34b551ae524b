using System.Buffers.Binary;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>PLAIN DOUBLE: IEEE 754 binary64, eight bytes little-endian per value.</summary>
internal sealed class DoubleValueDecoder : IValueDecoder<double>
{
    public static PhysicalType PhysicalType => PhysicalType.Double;

    public static void Decode(ReadOnlySpan<byte> data, Span<double> output, string context)
    {
        var bytes = PlainValues.Fixed(data, output.Length, sizeof(double), context);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * sizeof(double))..]);
        }
    }

    public static void DecodeEncoded(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<double> output, string context)
    {
        if (encoding != FormatValues.ByteStreamSplit)
        {
            throw FormatValues.UnsupportedEncoding(encoding, context);
        }

        // BYTE_STREAM_SPLIT stores byte k of every value together: stream k starts at k * count.
        var bytes = PlainValues.Fixed(data, output.Length, sizeof(double), context);
        Span<byte> value = stackalloc byte[sizeof(double)];
        for (var i = 0; i < output.Length; i++)
        {
            for (var k = 0; k < sizeof(double); k++)
            {
                value[k] = bytes[(k * output.Length) + i];
            }

            output[i] = BinaryPrimitives.ReadDoubleLittleEndian(value);
        }
    }
}
