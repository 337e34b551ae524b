namespace Attendance.Core.Tests.Venue;

public sealed class IndonesianDatesTests
{
    [Fact]
    public void Dates_read_as_Indonesians_write_them()
    {
        Assert.Equal("5 Juni 2023", IndonesianDates.Date(new DateOnly(2023, 6, 5)));
        Assert.Equal("Senin, 5 Juni 2023", IndonesianDates.DayAndDate(new DateOnly(2023, 6, 5)));
        Assert.Equal("Minggu, 17 Agustus 2025", IndonesianDates.DayAndDate(new DateOnly(2025, 8, 17)));
        Assert.Equal("5–8 Juni 2023", IndonesianDates.Range(new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 8)));
        Assert.Equal("30 Mei 2023 – 2 Juni 2023", IndonesianDates.Range(new DateOnly(2023, 5, 30), new DateOnly(2023, 6, 2)));
        Assert.Equal("5 Juni 2023", IndonesianDates.Range(new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 5)));
    }

    [Theory]
    [InlineData("Lampung", "WIB", "08.15 WIB")]
    [InlineData("Kalimantan Barat", "WIB", "08.15 WIB")]
    [InlineData("Bali", "WITA", "09.15 WITA")]
    [InlineData("Kalimantan Timur", "WITA", "09.15 WITA")]
    [InlineData("Sulawesi Selatan", "WITA", "09.15 WITA")]
    [InlineData("Maluku", "WIT", "10.15 WIT")]
    [InlineData("Papua", "WIT", "10.15 WIT")]
    public void The_time_is_the_clock_on_the_wall_of_the_events_province(string province, string zone, string time)
    {
        var region = RegionDirectory.Official.ResolveProvince(province).Region!;
        var checkIn = new DateTimeOffset(2023, 6, 5, 1, 15, 0, TimeSpan.Zero);

        Assert.Equal(zone, IndonesianTimeZone.Of(region).Abbreviation);
        Assert.Equal(time, IndonesianDates.Time(checkIn, IndonesianTimeZone.Of(region)));
    }

    [Fact]
    public void An_event_without_a_province_reads_in_WIB() =>
        Assert.Equal(IndonesianTimeZone.Western, IndonesianTimeZone.Of(null));
}
