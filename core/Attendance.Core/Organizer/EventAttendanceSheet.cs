namespace Attendance.Organizer;

/// <summary>
/// The whole event by participant: the days each attended, and who attended every day (the certificate list).
/// A participant is one identity (email, else phone, else name within a regency), as the store deduplicates.
/// </summary>
public sealed record EventAttendanceSheet(
    string EventId,
    string EventName,
    string? Venue,
    IReadOnlyList<string> Days,
    IReadOnlyDictionary<string, int> ByDay,
    IReadOnlyList<ParticipantDays> Participants,
    IReadOnlyList<string> AttendedEveryDay);

/// <summary>One participant's details (from their latest sign-in) and the days they attended.</summary>
public sealed record ParticipantDays(
    int Number,
    string FullName,
    string? Institution,
    Api.RegionView Regency,
    Api.RegionView Province,
    string? Phone,
    string? Email,
    IReadOnlyList<string> DaysAttended,
    bool AttendedEveryDay);
