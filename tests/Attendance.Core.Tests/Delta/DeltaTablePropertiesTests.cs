namespace Attendance.Delta;

/// <summary>Retention properties are written as Delta intervals that read back, and other engines' intervals are understood (<see cref="DeltaTableProperties"/>).</summary>
public sealed class DeltaTablePropertiesTests
{
    [Theory]
    [InlineData("7.00:00:00", "interval 7 days")]
    [InlineData("00:00:00", "interval 0 days")]
    [InlineData("01:30:00", "interval 5400 seconds")]
    public void Retention_is_written_as_a_Delta_interval_that_reads_back(string value, string expected)
    {
        var span = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, DeltaTableProperties.FormatInterval(span));
        Assert.Equal(span, DeltaTableProperties.ParseInterval(expected));
    }

    [Theory]
    [InlineData("interval 1 week", 7 * 24)]
    [InlineData("interval 30 days", 30 * 24)]
    [InlineData("INTERVAL 2 hours", 2)]
    public void Intervals_written_by_other_engines_are_understood(string text, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), DeltaTableProperties.ParseInterval(text));
}
