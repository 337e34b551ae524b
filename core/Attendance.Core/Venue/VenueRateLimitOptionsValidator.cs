using Microsoft.Extensions.Options;

namespace Attendance.Venue;

/// <summary>Checks at start that every rate limit of <see cref="VenueRateLimitOptions"/> is a count the limiter can use.</summary>
internal sealed class VenueRateLimitOptionsValidator : IValidateOptions<VenueRateLimitOptions>
{
    /// <summary>The largest value of each limit.</summary>
    internal const int Maximum = 100_000;

    public ValidateOptionsResult Validate(string? name, VenueRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options.RateLimitBurst, nameof(VenueRateLimitOptions.RateLimitBurst), failures);
        Check(options.RateLimitPerMinute, nameof(VenueRateLimitOptions.RateLimitPerMinute), failures);
        Check(options.RateLimitAddressBurst, nameof(VenueRateLimitOptions.RateLimitAddressBurst), failures);
        Check(options.RateLimitAddressPerMinute, nameof(VenueRateLimitOptions.RateLimitAddressPerMinute), failures);
        Check(options.RefusalBurst, nameof(VenueRateLimitOptions.RefusalBurst), failures);
        Check(options.RefusalsPerMinute, nameof(VenueRateLimitOptions.RefusalsPerMinute), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(int value, string setting, List<string> failures)
    {
        if (value is < 1 or > Maximum)
        {
            failures.Add($"{VenueRateLimitOptions.SectionName}:{setting} must be a whole number from 1 to {Maximum}; leave it unset for the documented default (docs/configuration.md).");
        }
    }
}
