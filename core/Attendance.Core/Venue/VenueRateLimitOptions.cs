namespace Attendance.Venue;

/// <summary>
/// The venue sign-in's rate limits (<see cref="VenueRateLimiter"/>). They share the settings section <c>Forms</c> with
/// <see cref="FormOptions"/>: the keys (<c>Forms__RateLimitBurst</c> and the rest) are documented and set in infra.
/// Each is from 1 to 100,000, checked at start by <see cref="VenueRateLimitOptionsValidator"/>.
/// </summary>
public sealed class VenueRateLimitOptions
{
    /// <summary>The settings section, the same as <see cref="FormOptions.SectionName"/>.</summary>
    public const string SectionName = FormOptions.SectionName;

    /// <summary>
    /// Requests one sign-in link takes at once from one IP address before it is slowed down. Default 600: a training
    /// of 240 behind a hotel's one address, each sign-in a page load and a post (480), all in the first minutes, with
    /// room for retries; past that a flood gets 429.
    /// </summary>
    public int RateLimitBurst { get; set; } = 600;

    /// <summary>
    /// Requests per minute one link takes from one IP address once the burst is spent, refilling it. Default 60: a
    /// steady second sign-in rush (after lunch) finds the bucket full again ten minutes later.
    /// </summary>
    public int RateLimitPerMinute { get; set; } = 60;

    /// <summary>
    /// Requests one IP address sends to the sign-in routes of all events together before it is slowed down, so a flood
    /// that rotates the event in the path meets a limit. Default 1,200: two trainings behind one hotel address.
    /// </summary>
    public int RateLimitAddressBurst { get; set; } = 1_200;

    /// <summary>Requests per minute that refill an address's bucket across all events. Default 120.</summary>
    public int RateLimitAddressPerMinute { get; set; } = 120;

    /// <summary>
    /// Requests of one IP address refused for their link (unknown event, wrong or missing token) before every further
    /// request from it gets 429 unread. Default 100: the phones of a hotel that kept an old link after a rotation
    /// mostly fit; a script guessing links or events gets 429 after a hundred tries.
    /// </summary>
    public int RefusalBurst { get; set; } = 100;

    /// <summary>Refusals per minute an address earns back. Default 30.</summary>
    public int RefusalsPerMinute { get; set; } = 30;
}
