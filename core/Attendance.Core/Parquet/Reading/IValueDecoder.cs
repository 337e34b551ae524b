using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>
/// Decodes the values of one physical type (Encodings.md): PLAIN, which every type has and dictionary pages use,
/// and the other encodings common writers use for that type (DELTA_BINARY_PACKED integers, BYTE_STREAM_SPLIT
/// doubles, DELTA byte arrays, RLE booleans).
/// </summary>
/// <typeparam name="T">The .NET type values are decoded to.</typeparam>
internal interface IValueDecoder<T>
{
    static abstract PhysicalType PhysicalType { get; }

    /// <summary>Decodes exactly <c>output.Length</c> PLAIN values from the start of <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">The data ends before the values do.</exception>
    static abstract void Decode(ReadOnlySpan<byte> data, Span<T> output, string context);

    /// <summary>Decodes exactly <c>output.Length</c> values in an encoding other than PLAIN and dictionary indices.</summary>
    /// <exception cref="NotSupportedException">The reader lacks the encoding for this type.</exception>
    static virtual void DecodeEncoded(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<T> output, string context) =>
        throw FormatValues.UnsupportedEncoding(encoding, context);
}
