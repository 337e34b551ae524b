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
}
