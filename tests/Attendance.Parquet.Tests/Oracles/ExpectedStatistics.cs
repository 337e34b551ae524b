using System.Text;
using System.Text.Json.Nodes;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>The statistics a column chunk must carry, computed from the .NET values: nulls counted, NaN left out, strings ordered as unsigned UTF-8 bytes.</summary>
public sealed record ExpectedStatistics(long NullCount, JsonNode? Min, JsonNode? Max)
{
    public static ExpectedStatistics Of(IEnumerable<object?> values)
    {
        var all = values.ToList();
        var ordered = all.Where(v => v is not null && v is not double.NaN).Order(Comparer<object?>.Create(Compare)).ToList();
        return ordered.Count == 0
            ? new ExpectedStatistics(all.Count(v => v is null), null, null)
            : new ExpectedStatistics(all.Count(v => v is null), CanonicalValue.Of(ordered[0]), CanonicalValue.Of(ordered[^1]));
    }

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)),
        (DateTimeOffset x, DateTimeOffset y) => CanonicalValue.MicrosSinceEpoch(x).CompareTo(CanonicalValue.MicrosSinceEpoch(y)),
        (IComparable x, _) => x.CompareTo(b),
        _ => throw new ArgumentException("Values of different types."),
    };
}
