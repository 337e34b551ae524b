using System.Buffers.Binary;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>PLAIN INT64: eight bytes little-endian per value.</summary>
internal sealed class Int64ValueDecoder : IValueDecoder<long>
{
    public static PhysicalType PhysicalType => PhysicalType.Int64;

    public static void Decode(ReadOnlySpan<byte> data, Span<long> output, string context)
    {
        var bytes = PlainValues.Fixed(data, output.Length, sizeof(long), context);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * sizeof(long))..]);
        }
    }

    public static void DecodeEncoded(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<long> output, string context)
    {
        if (encoding != FormatValues.DeltaBinaryPacked)
        {
            throw FormatValues.UnsupportedEncoding(encoding, context);
        }

        DeltaBinaryPackedDecoder.Decode(data, output, context);
    }
}
