namespace Attendance.Submissions;

/// <summary>Live attendance of an event: distinct participants, and attendances per session date (yyyy-MM-dd).</summary>
public sealed record EventAttendance(int Participants, IReadOnlyDictionary<string, int> ByDate);
