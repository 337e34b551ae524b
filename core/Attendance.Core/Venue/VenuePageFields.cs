namespace Attendance.Venue;

/// <summary>
/// The fields the venue page sends beside the submission's own: the phone's key (<see cref="VenueSubmissionId"/>),
/// whether the page kept the sign-in while offline, and the signed moment its page was served (<see cref="VenueStamp"/>).
/// </summary>
public sealed record VenuePageFields(string? ClientKey, bool KeptOffline, string? Stamp);
