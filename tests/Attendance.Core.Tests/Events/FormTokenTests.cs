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
    public void Only_the_events_own_token_matches()
    {
        Assert.True(FormToken.Matches(Lampung, Lampung.FormToken));
        Assert.False(FormToken.Matches(Lampung, FormToken.Create()));
        Assert.False(FormToken.Matches(Lampung, null));
        Assert.Equal(32, Lampung.FormToken.Length);
    }
}
