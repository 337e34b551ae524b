using Attendance.Events;

namespace Attendance.Core.Tests.Events;

public sealed class FormTokenTests
{
    private static readonly TrainingEvent Lampung = new()
    {
        Id = "bimtek-lampung-2023",
        Name = "Bimtek SPP-TIK Lampung",
        StartDate = new DateOnly(2023, 6, 5),
        EndDate = new DateOnly(2023, 6, 8),
        FormToken = FormToken.Create(),
    };

    [Fact]
    public void The_form_opens_at_the_first_day_in_eastern_Indonesia_and_closes_after_the_last_day_in_western_Indonesia()
    {
        Assert.False(FormToken.IsOpen(Lampung, new DateTimeOffset(2023, 6, 4, 23, 59, 0, TimeSpan.FromHours(9))));
        Assert.True(FormToken.IsOpen(Lampung, new DateTimeOffset(2023, 6, 5, 0, 0, 0, TimeSpan.FromHours(9))));
        Assert.True(FormToken.IsOpen(Lampung, new DateTimeOffset(2023, 6, 8, 23, 59, 0, TimeSpan.FromHours(7))));
        Assert.False(FormToken.IsOpen(Lampung, new DateTimeOffset(2023, 6, 9, 0, 0, 0, TimeSpan.FromHours(7))));
    }

    [Fact]
    public void Only_the_events_own_token_matches()
    {
        Assert.True(FormToken.Matches(Lampung, Lampung.FormToken));
        Assert.False(FormToken.Matches(Lampung, FormToken.Create()));
        Assert.False(FormToken.Matches(Lampung, null));
        Assert.Equal(32, Lampung.FormToken.Length);
    }

    [Fact]
    public void The_form_records_today_as_said_anywhere_in_Indonesia()
    {
        Assert.Equal([new DateOnly(2023, 6, 6)], FormToken.SessionDatesOpen(Lampung, new DateTimeOffset(2023, 6, 6, 9, 0, 0, TimeSpan.FromHours(7))));

        // 23:30 WIB on 6 June is already 7 June in WIT.
        Assert.Equal([new DateOnly(2023, 6, 6), new DateOnly(2023, 6, 7)], FormToken.SessionDatesOpen(Lampung, new DateTimeOffset(2023, 6, 6, 23, 30, 0, TimeSpan.FromHours(7))));

        // On the last evening in WIB, WIT's next day lies after the event.
        Assert.Equal([new DateOnly(2023, 6, 8)], FormToken.SessionDatesOpen(Lampung, new DateTimeOffset(2023, 6, 8, 23, 30, 0, TimeSpan.FromHours(7))));
    }
}
