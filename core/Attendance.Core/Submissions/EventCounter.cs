namespace Attendance.Submissions;

/// <summary>
/// An event's counter as stored: the last number handed out (<paramref name="Sequence"/>), when the row was last
/// written (<paramref name="WrittenAt"/>, the service's timestamp) and the resumption it records, if any.
/// </summary>
public sealed record EventCounter(string EventId, long Sequence, DateTimeOffset? WrittenAt, CounterResumption? Resumption);
