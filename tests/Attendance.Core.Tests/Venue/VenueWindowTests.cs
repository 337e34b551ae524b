namespace Attendance.Core.Tests.Venue;

public sealed class VenueWindowTests
{
    private static readonly TrainingEvent Lampung = TestEvents.Lampung();

    [Fact]
    public void The_form_opens_at_the_first_day_in_eastern_Indonesia_and_closes_after_the_last_day_in_western_Indonesia()
    {
        Assert.False(VenueWindow.IsOpen(Lampung, new DateTimeOffset(2023, 6, 4, 23, 59, 0, TimeSpan.FromHours(9))));
        Assert.True(VenueWindow.IsOpen(Lampung, new DateTimeOffset(2023, 6, 5, 0, 0, 0, TimeSpan.FromHours(9))));
        Assert.True(VenueWindow.IsOpen(Lampung, new DateTimeOffset(2023, 6, 8, 23, 59, 0, TimeSpan.FromHours(7))));
        Assert.False(VenueWindow.IsOpen(Lampung, new DateTimeOffset(2023, 6, 9, 0, 0, 0, TimeSpan.FromHours(7))));
    }

    [Fact]
    public void The_form_records_today_as_said_anywhere_in_Indonesia()
    {
        Assert.Equal([new DateOnly(2023, 6, 6)], VenueWindow.SessionDatesOpen(Lampung, new DateTimeOffset(2023, 6, 6, 9, 0, 0, TimeSpan.FromHours(7))));

        // 23:30 WIB on 6 June is already 7 June in WIT.
        Assert.Equal([new DateOnly(2023, 6, 6), new DateOnly(2023, 6, 7)], VenueWindow.SessionDatesOpen(Lampung, new DateTimeOffset(2023, 6, 6, 23, 30, 0, TimeSpan.FromHours(7))));

        // On the last evening in WIB, WIT's next day lies after the event.
        Assert.Equal([new DateOnly(2023, 6, 8)], VenueWindow.SessionDatesOpen(Lampung, new DateTimeOffset(2023, 6, 8, 23, 30, 0, TimeSpan.FromHours(7))));
    }
}
