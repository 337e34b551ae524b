using System.ComponentModel.DataAnnotations;

namespace Attendance.Venue;

/// <summary>The public sign-in link and its protection (settings section <c>Forms</c>).</summary>
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
    [Url]
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

    /// <summary>
    /// Requests one sign-in link takes at once from one IP address before it is slowed down. Default 600: a training
    /// of 240 behind a hotel's one address, each sign-in a page load and a post (480), all in the first minutes, with
    /// room for retries; past that a flood gets 429.
    /// </summary>
    [Range(1, 100_000)]
    public int RateLimitBurst { get; set; } = 600;

    /// <summary>
    /// Requests per minute one link takes from one IP address once the burst is spent, refilling it. Default 60: a
    /// steady second sign-in rush (after lunch) finds the bucket full again ten minutes later.
    /// </summary>
    [Range(1, 100_000)]
    public int RateLimitPerMinute { get; set; } = 60;

    /// <summary>
    /// Requests one IP address sends to the sign-in routes of all events together before it is slowed down, so a flood
    /// that rotates the event in the path meets a limit. Default 1,200: two trainings behind one hotel address.
    /// </summary>
    [Range(1, 100_000)]
    public int RateLimitAddressBurst { get; set; } = 1_200;

    /// <summary>Requests per minute that refill an address's bucket across all events. Default 120.</summary>
    [Range(1, 100_000)]
    public int RateLimitAddressPerMinute { get; set; } = 120;

    /// <summary>
    /// Requests of one IP address refused for their link (unknown event, wrong or missing token) before every further
    /// request from it gets 429 unread. Default 100: the phones of a hotel that kept an old link after a rotation
    /// mostly fit; a script guessing links or events gets 429 after a hundred tries.
    /// </summary>
    [Range(1, 100_000)]
    public int RefusalBurst { get; set; } = 100;

    /// <summary>Refusals per minute an address earns back. Default 30.</summary>
    [Range(1, 100_000)]
    public int RefusalsPerMinute { get; set; } = 30;
}
