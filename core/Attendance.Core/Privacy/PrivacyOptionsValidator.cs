using Microsoft.Extensions.Options;

namespace Attendance.Privacy;

/// <summary>Checks the <c>Privacy</c> settings when a host starts.</summary>
internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    /// <summary>The longest retention accepted: contacts kept for longer than this serve no training's purpose.</summary>
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(5 * 365);

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options) =>
        options.ContactRetention < TimeSpan.FromDays(1) || options.ContactRetention > MaxRetention
            ? ValidateOptionsResult.Fail(
                $"Privacy:ContactRetention must be a TimeSpan from 1.00:00:00 (one day) to {MaxRetention.Days}.00:00:00 after an event's last day, e.g. 180.00:00:00.")
            : ValidateOptionsResult.Success;
}
