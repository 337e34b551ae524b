using System.Text;
using Attendance.Export;

namespace Attendance.Core.Tests.Export;

/// <summary>The orders and roundings the export's statistics rely on: strings as UTF-8 bytes, instant bounds that still bound at millisecond precision.</summary>
public sealed class StatisticsOrderTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "Siti", "Sitti" },
        { "", "a" },
        { "Zoë", "Zoe" },
        { "Ｓｉｔｉ", "👩 alone" },           // U+FF33 against a surrogate pair: UTF-16 and UTF-8 disagree
        { "\uE000 private", "😀" },
        { "😀", "😁" },
        { "日本語", "Ω" },
        { "a\uFFFDb", "a\U0001F600b" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Code_point_order_is_the_order_of_the_UTF8_bytes(string a, string b)
    {
        var expected = Math.Sign(Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)));
        Assert.Equal(expected, Math.Sign(CodePointOrder.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(CodePointOrder.Compare(b, a)));
    }

    [Fact]
    public void A_fullwidth_letter_orders_below_an_emoji_although_UTF16_says_otherwise()
    {
        Assert.True(string.CompareOrdinal("Ｓ", "👩") > 0);
        Assert.True(CodePointOrder.Compare("Ｓ", "👩") < 0);
    }

    [Theory]
    [InlineData(1_685_926_923_456_789L, false, "2023-06-05T01:02:03.456Z")]
    [InlineData(1_685_926_923_456_789L, true, "2023-06-05T01:02:03.457Z")]
    [InlineData(1_685_926_923_456_000L, true, "2023-06-05T01:02:03.456Z")]
    [InlineData(1_685_926_923_456_000L, false, "2023-06-05T01:02:03.456Z")]
    [InlineData(-1L, false, "1969-12-31T23:59:59.999Z")]
    [InlineData(-1L, true, "1970-01-01T00:00:00.000Z")]
    public void A_minimum_instant_is_truncated_and_a_maximum_rounded_up_to_the_millisecond(long micros, bool roundUp, string expected) =>
        Assert.Equal(expected, DeltaFileStatistics.Milliseconds(micros, roundUp));

    [Fact]
    public void Microseconds_are_floored_also_before_1970()
    {
        Assert.Equal(-1, ParquetNet769.ToMicros(DateTimeOffset.UnixEpoch.AddTicks(-1)));
        Assert.Equal(0, ParquetNet769.ToMicros(DateTimeOffset.UnixEpoch.AddTicks(9)));
        Assert.Equal(1_685_926_923_456_789L, ParquetNet769.ToMicros(new DateTimeOffset(2023, 6, 5, 8, 2, 3, TimeSpan.FromHours(7)).AddTicks(4_567_899)));
    }

    [Fact]
    public void Merged_statistics_add_nulls_and_keep_the_outer_bounds_in_each_type_order()
    {
        var merged = new ColumnStatistics(1, "Ｓｉｔｉ", "Ｓｉｔｉ").Merge(new ColumnStatistics(2, "Andi", "👩")).Merge(ColumnStatistics.Empty);
        Assert.Equal(new ColumnStatistics(3, "Andi", "👩"), merged);
        Assert.Equal(new ColumnStatistics(0, 5L, 9L), new ColumnStatistics(0, 7L, 9L).Merge(new ColumnStatistics(0, 5L, 6L)));
    }
}
