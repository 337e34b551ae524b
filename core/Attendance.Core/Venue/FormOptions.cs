namespace Attendance.Venue;

/// <summary>
/// The public sign-in link (settings section <c>Forms</c>); the same section's rate limits are
/// <see cref="VenueRateLimitOptions"/>. Checked at start by <see cref="FormOptionsValidator"/>.
/// </summary>
public sealed class FormOptions
{
    public const string SectionName = "Forms";

    /// <summary>
    /// The configuration key of the host name App Service and Functions report for the app
    /// (<c>func-x.azurewebsites.net</c>; Core Tools sets <c>localhost:7071</c>).
    /// </summary>
    public const string PlatformHostNameSetting = "WEBSITE_HOSTNAME";

    /// <summary>Why a host without a public address and without the platform's host name does not start.</summary>
    public const string PublicBaseUrlRequired =
        "Forms:PublicBaseUrl must be set where the platform reports no host name (WEBSITE_HOSTNAME): the sign-in link and its QR code are never built from a request's Host header, which the client chooses.";

    /// <summary>
    /// The public address the QR code and <c>formUrl</c> start with, e.g. <c>https://hadir.example.go.id</c> (a custom
    /// domain or the Function App's host name). Default: <c>https://</c> and the host name the platform reports
    /// (<see cref="PlatformHostNameSetting"/>, <c>http://</c> for a loopback one); only the local server, with neither,
    /// builds links from the address of the organizer's request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The address a link starts with for the platform's host name <paramref name="hostName"/>.</summary>
    public static string PlatformBaseUrl(string hostName)
    {
        // App Service and Functions serve the app over https; Core Tools (func start) reports localhost:port and serves http.
        var host = hostName.Trim();
        var loopback = host.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || host.StartsWith("127.", StringComparison.Ordinal)
            || host.StartsWith("[::1]", StringComparison.Ordinal);
        return (loopback ? "http://" : "https://") + host;
    }
}
