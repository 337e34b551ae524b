using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>Decodes PLAIN values of one physical type (Encodings.md), for data pages and dictionary pages alike.</summary>
/// <typeparam name="T">The .NET type values are decoded to.</typeparam>
internal interface IPlainDecoder<T>
{
    static abstract PhysicalType PhysicalType { get; }

    /// <summary>Decodes exactly <c>output.Length</c> values from the start of <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">The data ends before the values do.</exception>
    static abstract void Decode(ReadOnlySpan<byte> data, Span<T> output, string context);
}
