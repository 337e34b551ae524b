using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>
/// Decodes the values of one physical type (Encodings.md): PLAIN, which every type has and dictionary pages use,
/// and DELTA_BINARY_PACKED for the integer types that have it.
/// </summary>
/// <typeparam name="T">The .NET type values are decoded to.</typeparam>
internal interface IValueDecoder<T>
{
    static abstract PhysicalType PhysicalType { get; }

    /// <summary>Decodes exactly <c>output.Length</c> PLAIN values from the start of <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">The data ends before the values do.</exception>
    static abstract void Decode(ReadOnlySpan<byte> data, Span<T> output, string context);

    /// <summary>Decodes exactly <c>output.Length</c> DELTA_BINARY_PACKED values; only INT32 and INT64 have this encoding.</summary>
    /// <exception cref="InvalidDataException">The data is corrupt, or the type has no DELTA_BINARY_PACKED form.</exception>
    static virtual void DecodeDeltaBinaryPacked(ReadOnlySpan<byte> data, Span<T> output, string context) =>
        throw new InvalidDataException($"Corrupt {context}: DELTA_BINARY_PACKED values in a column that is neither INT32 nor INT64.");
}
