using System.Buffers.Binary;
using System.Text;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>PLAIN BYTE_ARRAY as UTF-8 text: a four-byte little-endian length, then the bytes, per value.</summary>
internal sealed class StringValueDecoder : IValueDecoder<string?>
{
    public static PhysicalType PhysicalType => PhysicalType.ByteArray;

    public static void Decode(ReadOnlySpan<byte> data, Span<string?> output, string context)
    {
        var position = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (data.Length - position < sizeof(int))
            {
                throw new InvalidDataException($"Corrupt {context}: the page ends at string {i} of {output.Length}.");
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
            position += sizeof(int);
            if (length > (uint)(data.Length - position))
            {
                throw new InvalidDataException($"Corrupt {context}: string {i} claims {length} bytes but {data.Length - position} are left.");
            }

            // Invalid UTF-8 becomes U+FFFD rather than an error: the reconciliation compares ids, and a mangled id
            // then shows up as missing, which is the right outcome for a file that holds it mangled.
            output[i] = Encoding.UTF8.GetString(data.Slice(position, (int)length));
            position += (int)length;
        }
    }
}
