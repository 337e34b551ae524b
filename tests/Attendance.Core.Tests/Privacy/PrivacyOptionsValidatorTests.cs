using Attendance.Privacy;

namespace Attendance.Core.Tests.Privacy;

public sealed class PrivacyOptionsValidatorTests
{
    private static readonly PrivacyOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid_and_keep_contacts_180_days()
    {
        var defaults = new PrivacyOptions();

        Assert.True(Validator.Validate(null, defaults).Succeeded);
        Assert.Equal(TimeSpan.FromDays(180), defaults.ContactRetention);
        Assert.Null(defaults.Contact);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("12:00:00")]
    [InlineData("3661.00:00:00")]
    public void A_retention_under_a_day_or_over_ten_years_is_refused_naming_the_setting(string retention)
    {
        var result = Validator.Validate(null, new PrivacyOptions { ContactRetention = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("Privacy__ContactRetention", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ppid@perpusnas.go.id", true)]
    [InlineData("0812 3456 7890 (PPID Dinas Perpustakaan)", true)]
    [InlineData("", true)]
    [InlineData("ppid@perpusnas.go.id\nbcc", false)]
    public void The_contact_is_one_line(string contact, bool valid)
    {
        Assert.Equal(valid, Validator.Validate(null, new PrivacyOptions { Contact = contact }).Succeeded);
    }

    [Fact]
    public void A_contact_longer_than_an_event_may_set_is_refused()
    {
        var result = Validator.Validate(null, new PrivacyOptions { Contact = new string('a', PrivacyOptionsValidator.MaxContactLength + 1) });

        Assert.True(result.Failed);
        Assert.Contains("Privacy__Contact", result.FailureMessage, StringComparison.Ordinal);
    }
}
