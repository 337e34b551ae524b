namespace Attendance.Parquet.Reading;

/// <summary>Turns DATE and TIMESTAMP values into .NET types, refusing values outside their range with the column named.</summary>
internal static class ValueConversions
{
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    public static DateOnly Date(int daysSinceEpoch, string column)
    {
        var dayNumber = (long)UnixEpochDayNumber + daysSinceEpoch;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new InvalidDataException($"Column '{column}' holds the date {daysSinceEpoch} days from 1970-01-01, outside the range of DateOnly.");
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    /// <summary>The instant as UTC; wall-clock (not UTC-adjusted) timestamps are taken as UTC too, and nanoseconds are floored to ticks.</summary>
    public static DateTimeOffset Timestamp(long value, TimeUnit unit, string column)
    {
        try
        {
            var ticks = unit switch
            {
                TimeUnit.Millis => checked(value * TimeSpan.TicksPerMillisecond),
                TimeUnit.Micros => checked(value * TimeSpan.TicksPerMicrosecond),
                _ => Math.DivRem(value, 100, out var remainder) - (remainder < 0 ? 1 : 0),
            };

            return new DateTimeOffset(checked(UnixEpochTicks + ticks), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"Column '{column}' holds the timestamp {value} ({unit} since 1970), outside the range of DateTimeOffset.", ex);
        }
    }
}
