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

            // Invalid UTF-8 becomes U+FFFD rather than an error: the reconciliation compares ids, and a mangled id
            // then shows up as missing, which is the right outcome for a file that holds it mangled.
            output[i] = Encoding.UTF8.GetString(Bytes(data, ref position, length, i, context));
        }
    }

    public static void DecodeEncoded(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<string?> output, string context)
    {
        if (encoding == FormatValues.DeltaLengthByteArray)
        {
            DecodeDeltaLength(data, output, context);
        }
        else if (encoding == FormatValues.DeltaByteArray)
        {
            DecodeDeltaStrings(data, output, context);
        }
        else
        {
            throw FormatValues.UnsupportedEncoding(encoding, context);
        }
    }

    /// <summary>DELTA_LENGTH_BYTE_ARRAY: every length (DELTA_BINARY_PACKED), then every value's bytes back to back.</summary>
    private static void DecodeDeltaLength(ReadOnlySpan<byte> data, Span<string?> output, string context)
    {
        var lengths = new long[output.Length];
        var position = DeltaBinaryPackedDecoder.Decode(data, lengths, context);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = Encoding.UTF8.GetString(Bytes(data, ref position, lengths[i], i, context));
        }
    }

    /// <summary>
    /// DELTA_BYTE_ARRAY (arrow-rs's v2 fallback for strings): the length of the prefix each value shares with the one
    /// before (DELTA_BINARY_PACKED), then the suffixes as DELTA_LENGTH_BYTE_ARRAY.
    /// </summary>
    private static void DecodeDeltaStrings(ReadOnlySpan<byte> data, Span<string?> output, string context)
    {
        var prefixes = new long[output.Length];
        var suffixLengths = new long[output.Length];
        var position = DeltaBinaryPackedDecoder.Decode(data, prefixes, context);
        position += DeltaBinaryPackedDecoder.Decode(data[position..], suffixLengths, context);
        byte[] previous = [];
        for (var i = 0; i < output.Length; i++)
        {
            if (prefixes[i] < 0 || prefixes[i] > previous.Length)
            {
                throw new InvalidDataException($"Corrupt {context}: string {i} shares {prefixes[i]} bytes with a {previous.Length}-byte predecessor.");
            }

            var suffix = Bytes(data, ref position, suffixLengths[i], i, context);
            var value = new byte[prefixes[i] + suffix.Length];
            previous.AsSpan(0, (int)prefixes[i]).CopyTo(value);
            suffix.CopyTo(value.AsSpan((int)prefixes[i]));
            output[i] = Encoding.UTF8.GetString(value);
            previous = value;
        }
    }

    private static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> data, ref int position, long length, int index, string context)
    {
        if (length < 0 || length > data.Length - position)
        {
            throw new InvalidDataException($"Corrupt {context}: string {index} claims {length} bytes but {data.Length - position} are left.");
        }

        var bytes = data.Slice(position, (int)length);
        position += (int)length;
        return bytes;
    }
}
