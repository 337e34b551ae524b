using Attendance.Privacy;

namespace Attendance.Core.Tests.Privacy;

public sealed class PrivacyOptionsValidatorTests
{
    [Theory]
    [InlineData("1.00:00:00")]
    [InlineData("180.00:00:00")]
    [InlineData("1825.00:00:00")]
    public void A_retention_from_a_day_to_five_years_is_accepted(string retention) =>
        Assert.True(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { ContactRetention = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture) }).Succeeded);

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("23:59:59")]
    [InlineData("1826.00:00:00")]
    public void Any_other_retention_stops_the_start_naming_the_setting(string retention)
    {
        var result = new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { ContactRetention = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.StartsWith("Privacy:ContactRetention must be", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_keeps_contacts_180_days() =>
        Assert.Equal(TimeSpan.FromDays(180), new PrivacyOptions().ContactRetention);
}
