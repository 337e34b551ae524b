using Microsoft.Extensions.Options;

namespace Attendance.Venue;

public sealed class VenueRateLimitOptionsValidatorTests
{
    private static readonly VenueRateLimitOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_and_the_bounds_pass()
    {
        Assert.True(Validator.Validate(Options.DefaultName, new VenueRateLimitOptions()).Succeeded);
        Assert.True(Validator.Validate(Options.DefaultName, new VenueRateLimitOptions { RateLimitBurst = 1, RefusalsPerMinute = 100_000 }).Succeeded);
    }

    public static TheoryData<string, Action<VenueRateLimitOptions>> OutOfRange => new()
    {
        { "RateLimitBurst", o => o.RateLimitBurst = 0 },
        { "RateLimitPerMinute", o => o.RateLimitPerMinute = -1 },
        { "RateLimitAddressBurst", o => o.RateLimitAddressBurst = 100_001 },
        { "RateLimitAddressPerMinute", o => o.RateLimitAddressPerMinute = 0 },
        { "RefusalBurst", o => o.RefusalBurst = int.MaxValue },
        { "RefusalsPerMinute", o => o.RefusalsPerMinute = 0 },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_limit_out_of_range_is_named(string setting, Action<VenueRateLimitOptions> set)
    {
        var options = new VenueRateLimitOptions();
        set(options);

        var failure = Assert.Single(Validator.Validate(Options.DefaultName, options).Failures!);

        Assert.Equal($"Forms:{setting} must be a whole number from 1 to 100000; leave it unset for the documented default (docs/configuration.md).", failure);
    }
}
