namespace Attendance.Submissions;

/// <summary>
/// Stored attendance on a day outside its event's dates (the event's dates were changed after it was stored, or
/// stored data was edited by hand): what <c>attendance verify</c> reports so it can be moved or removed.
/// </summary>
public sealed record AttendanceOutsideEvent(string EventId, DateOnly StartDate, DateOnly EndDate, DateOnly SessionDate, int Attendances);
