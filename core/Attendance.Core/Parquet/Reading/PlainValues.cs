namespace Attendance.Parquet.Reading;

/// <summary>Bounds checks shared by the PLAIN decoding of fixed-width types.</summary>
internal static class PlainValues
{
    /// <summary>The first <c>count * width</c> bytes of <paramref name="data"/>, or an error saying how many were missing.</summary>
    public static ReadOnlySpan<byte> Fixed(ReadOnlySpan<byte> data, int count, int width, string context)
    {
        var needed = (long)count * width;
        if (needed > data.Length)
        {
            throw new InvalidDataException($"Corrupt {context}: {count} PLAIN values need {needed} bytes but the page holds {data.Length}.");
        }

        return data[..(int)needed];
    }
}
