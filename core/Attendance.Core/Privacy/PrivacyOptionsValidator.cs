using Microsoft.Extensions.Options;

namespace Attendance.Privacy;

/// <summary>Checks the privacy settings at start; messages name the setting to fix.</summary>
internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    /// <summary>The longest contact a form shows, the same as an event's <c>privacyContact</c>.</summary>
    public const int MaxContactLength = 200;

    private const string Name = PrivacyOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var failures = new List<string>();
        if (options.ContactRetention < TimeSpan.FromDays(1))
        {
            // Zero or negative would clear contacts before the certificates are sent; a typo, not a choice.
            failures.Add($"'{Name}__ContactRetention' must be at least one day (a TimeSpan such as 180.00:00:00).");
        }
        else if (options.ContactRetention > TimeSpan.FromDays(3660))
        {
            failures.Add($"'{Name}__ContactRetention' must be at most ten years (3660.00:00:00); contacts are not kept for good.");
        }

        if (options.Contact is { } contact && (contact.Trim().Length > MaxContactLength || contact.Any(char.IsControl)))
        {
            failures.Add($"'{Name}__Contact' must be one line of at most {MaxContactLength} characters (an email or phone of the organizer's office).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
