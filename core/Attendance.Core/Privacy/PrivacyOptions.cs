namespace Attendance.Privacy;

/// <summary>
/// How the product keeps participants' personal data (settings section <c>Privacy</c>): how long contact details stay
/// after an event, and whom a participant contacts about their data when the event names no one
/// (<c>privacyContact</c> of the event). Read by the venue page's notice (<c>PrivacyNotice</c>); see docs/privacy.md.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// How long the email and phone of an event's attendance are kept after the event's last day; the first export run
    /// after that clears them (<c>ContactExpiry</c>). Default 180 days: certificates go out within weeks, and the
    /// post-training evaluation and the organizer's report within two quarters; names, days and institutions stay with
    /// the event's accountability records (SPJ).
    /// </summary>
    public TimeSpan ContactRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// The default data-protection contact shown on every form (an email or phone of the organizer's office),
    /// when the event has no <c>privacyContact</c> of its own. Unset: the notice tells participants to ask the
    /// event's organizers.
    /// </summary>
    public string? Contact { get; set; }
}
