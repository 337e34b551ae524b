using Attendance.Submissions;

namespace Attendance.Venue;

/// <summary>What <see cref="VenueSignInPolicy"/> decided about one sign-in.</summary>
public abstract record VenueSignInOutcome;

/// <summary>
/// The form does not take the sign-in: it opens at <paramref name="OpensAt"/> (<paramref name="NotYet"/>) or closed at
/// <paramref name="ClosesAt"/>.
/// </summary>
public sealed record VenueSignInClosed(bool NotYet, DateTimeOffset OpensAt, DateTimeOffset ClosesAt) : VenueSignInOutcome;

/// <summary>
/// A sign-in the form takes to judge: checked in at <paramref name="CheckInAt"/>, stored under
/// <paramref name="SubmissionId"/>; a page sent back carries <paramref name="PageStamp"/> and, when
/// <paramref name="KeptOffline"/>, stays a kept sign-in.
/// </summary>
public abstract record VenueSignInJudged(DateTimeOffset CheckInAt, string SubmissionId, string PageStamp, bool KeptOffline) : VenueSignInOutcome;

/// <summary>Refused for the fields in <paramref name="Errors"/> (the venue's rules, or the body's own shape).</summary>
public sealed record VenueSignInRefused(FieldErrors Errors, DateTimeOffset CheckInAt, string SubmissionId, string PageStamp, bool KeptOffline)
    : VenueSignInJudged(CheckInAt, SubmissionId, PageStamp, KeptOffline);

/// <summary>Taken for <paramref name="SessionDate"/>; the intake's validation of the participant's fields still follows.</summary>
public sealed record VenueSignInAccepted(DateOnly SessionDate, DateTimeOffset CheckInAt, string SubmissionId, string PageStamp, bool KeptOffline)
    : VenueSignInJudged(CheckInAt, SubmissionId, PageStamp, KeptOffline);
