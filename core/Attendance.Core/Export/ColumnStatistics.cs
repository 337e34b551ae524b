namespace Attendance.Export;

/// <summary>
/// What the export knows of one column over a row group or a whole file, computed from the values it hands to
/// Parquet.Net: how many are null, and the least and greatest of the others in the column's own order (strings in
/// Unicode code-point order, which is UTF-8 byte order; instants as UTC microseconds; days as <see cref="DateOnly"/>).
/// <see cref="Min"/> and <see cref="Max"/> are null when every value is null. These numbers correct the footer of the
/// Parquet file (<see cref="ParquetFooter"/>) and fill the Delta <c>add.stats</c> (<see cref="DeltaFileStatistics"/>).
/// </summary>
public sealed record ColumnStatistics(long NullCount, object? Min, object? Max)
{
    /// <summary>No values seen yet.</summary>
    public static ColumnStatistics Empty { get; } = new(0, null, null);

    /// <summary>The statistics of the values of both: nulls added, the wider bounds.</summary>
    public ColumnStatistics Merge(ColumnStatistics other) => new(
        NullCount + other.NullCount,
        Pick(Min, other.Min, wantLess: true),
        Pick(Max, other.Max, wantLess: false));

    private static object? Pick(object? a, object? b, bool wantLess)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        var order = CompareBoxed(a, b);
        return (wantLess ? order <= 0 : order >= 0) ? a : b;
    }

    private static int CompareBoxed(object a, object b) => (a, b) switch
    {
        (string x, string y) => CodePointOrder.Compare(x, y),
        (IComparable x, _) => x.CompareTo(b),
        _ => throw new ArgumentException($"Cannot order {a.GetType()} against {b.GetType()}."),
    };
}

/// <summary>
/// Orders UTF-16 text by Unicode code point, which is the order of its UTF-8 bytes: the order Parquet (unsigned
/// byte-wise comparison of BYTE_ARRAY statistics) and Delta (Spark's UTF8String) use for strings. Plain ordinal
/// comparison of UTF-16 code units differs from it exactly where a surrogate pair (a character beyond U+FFFF, such
/// as an emoji) meets a character from U+E000 to U+FFFF (fullwidth forms, private use): UTF-16 puts the emoji first,
/// UTF-8 puts it last.
/// </summary>
public static class CodePointOrder
{
    public static int Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        return Rank(a[common]).CompareTo(Rank(b[common]));
    }

    public static int Compare(string a, string b) => Compare(a.AsSpan(), b.AsSpan());

    /// <summary>Moves surrogates (U+D800-U+DFFF) above U+E000-U+FFFF, keeping each range's own order.</summary>
    private static int Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
