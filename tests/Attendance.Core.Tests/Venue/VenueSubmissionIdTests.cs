namespace Attendance.Core.Tests.Venue;

public sealed class VenueSubmissionIdTests
{
    [Fact]
    public void The_phones_key_is_passed_on_as_the_submissions_key()
    {
        var id = VenueSubmissionId.From("0123456789ABCDEF0123456789abcdef");
        Assert.Equal("0123456789abcdef0123456789abcdef", id);
        Assert.True(Identifiers.IsValid(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("someone-elses-id")]
    [InlineData("venue:0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    public void Anything_else_gets_a_new_server_made_id(string? given)
    {
        var first = VenueSubmissionId.From(given);
        var second = VenueSubmissionId.From(given);

        Assert.True(VenueSubmissionId.IsClientKey(first));
        Assert.NotEqual(first, second);
        Assert.True(Identifiers.IsValid(first));
        if (!string.IsNullOrEmpty(given))
        {
            Assert.DoesNotContain(given, first, StringComparison.Ordinal);
        }
    }
}
