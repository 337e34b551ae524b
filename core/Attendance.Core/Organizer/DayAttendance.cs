namespace Attendance.Organizer;

/// <summary>Who signed in on one day of an event, alphabetically, as the daftar hadir lists them.</summary>
public sealed record DayAttendance(
    string EventId, string EventName, string? Venue, string Date, string TimeZone, int Count, IReadOnlyList<Attendee> Attendees);
