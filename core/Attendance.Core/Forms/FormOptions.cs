using System.ComponentModel.DataAnnotations;

namespace Attendance.Forms;

/// <summary>The public sign-in link and its protection (settings section <c>Forms</c>).</summary>
public sealed class FormOptions
{
    public const string SectionName = "Forms";

    /// <summary>
    /// The public address the QR code and <c>formUrl</c> start with, e.g. <c>https://hadir.example.go.id</c> (a custom
    /// domain or the Function App's host name). Default: none, so links are built from the address of the request.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Requests one sign-in link takes at once from one IP address before it is slowed down. Default 120: a training's
    /// first rush behind a hotel's one address (each sign-in is a page load and a post).
    /// </summary>
    [Range(1, 100_000)]
    public int RateLimitBurst { get; set; } = 120;

    /// <summary>
    /// Requests per minute one link takes from one IP address after the burst. Default 60: 240 people signing in
    /// through one address within ten minutes need about 500 requests, 120 + 10 × 60 = 720 leave room for retries.
    /// </summary>
    [Range(1, 100_000)]
    public int RateLimitPerMinute { get; set; } = 60;
}
