namespace Attendance.Submissions;

/// <summary>
/// An event's counter that was found missing while the event already had numbers (stored rows or an export mark),
/// so numbering resumed after <paramref name="After"/> at <paramref name="At"/>. Submissions that were accepted
/// after that number and were lost with the counter (a deleted table) cannot be counted; this says when and where to look.
/// </summary>
public sealed record CounterResumption(string EventId, long After, DateTimeOffset At);
