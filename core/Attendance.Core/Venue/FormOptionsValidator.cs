using Microsoft.Extensions.Options;

namespace Attendance.Venue;

/// <summary>
/// Checks <see cref="FormOptions"/> at start, after the platform's host name has filled an unset address: a
/// <c>Forms:PublicBaseUrl</c> that is set must be an absolute http(s) address, and one must be there unless this host
/// registers <see cref="RequestHostLinks"/> (the local server).
/// </summary>
internal sealed class FormOptionsValidator(IEnumerable<RequestHostLinks> requestHostLinks) : IValidateOptions<FormOptions>
{
    private const string Setting = $"{FormOptions.SectionName}:{nameof(FormOptions.PublicBaseUrl)}";

    private readonly bool fromRequest = requestHostLinks.Any();

    public ValidateOptionsResult Validate(string? name, FormOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // A value that is there, even a blank one, must be an address; only an absent one falls back.
        if (options.PublicBaseUrl is { } url && !IsHttpAddress(url))
        {
            failures.Add($"{Setting} must be an absolute http(s) address, e.g. https://hadir.example.go.id.");
        }

        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !fromRequest)
        {
            failures.Add(FormOptions.PublicBaseUrlRequired);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Starts with its scheme (no leading blanks or other schemes Uri would accept) and parses as an absolute http(s) URI.
    private static bool IsHttpAddress(string url) =>
        (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
