namespace Attendance.Core.Tests.Events;

public sealed class FormTokenTests
{
    private static readonly TrainingEvent Lampung = TestEvents.Lampung();

    [Fact]
    public void Only_the_events_own_token_matches()
    {
        Assert.True(FormToken.Matches(Lampung, Lampung.FormToken));
        Assert.False(FormToken.Matches(Lampung, FormToken.Create()));
        Assert.False(FormToken.Matches(Lampung, null));
        Assert.Equal(32, Lampung.FormToken.Length);
    }
}
