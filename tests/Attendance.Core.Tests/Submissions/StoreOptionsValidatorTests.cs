using Microsoft.Extensions.Options;

namespace Attendance.Submissions;

public sealed class StoreOptionsValidatorTests
{
    private static readonly StoreOptionsValidator Validator = new();

    [Fact]
    public void The_default_table_names_pass()
    {
        Assert.True(Validator.Validate(Options.DefaultName, new StoreOptions()).Succeeded);
    }

    [Theory]
    [InlineData("ev")]
    [InlineData("1events")]
    [InlineData("attendance-events")]
    [InlineData("")]
    public void An_events_table_that_is_not_a_table_name_is_named(string table)
    {
        var failure = Assert.Single(Validator.Validate(Options.DefaultName, new StoreOptions { EventsTable = table }).Failures!);

        Assert.StartsWith("Store:EventsTable must be a table name: 3-63 letters or digits, starting with a letter", failure, StringComparison.Ordinal);
        Assert.Contains("leave it unset for 'events'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submissions_table_that_is_too_long_is_named()
    {
        var failure = Assert.Single(Validator.Validate(Options.DefaultName, new StoreOptions { SubmissionsTable = "s" + new string('x', 63) }).Failures!);

        Assert.StartsWith("Store:SubmissionsTable must be a table name", failure, StringComparison.Ordinal);
        Assert.Contains("leave it unset for 'submissions'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_of_63_letters_and_digits_starting_with_a_letter_pass()
    {
        Assert.True(Validator.Validate(Options.DefaultName, new StoreOptions { EventsTable = "e" + new string('9', 62), SubmissionsTable = "Sub1" }).Succeeded);
    }
}
