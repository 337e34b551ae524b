namespace Attendance.Privacy;

/// <summary>How long contact details are kept (settings section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// How long after an event's last day its participants' email and phone are kept (default 180 days: certificates go
    /// out within weeks, and the post-training evaluation and the organizer's report within two quarters); the nightly
    /// run then clears them. Names, days and institutions stay, for the event's accountability records (SPJ).
    /// </summary>
    public TimeSpan ContactRetention { get; set; } = TimeSpan.FromDays(180);
}
