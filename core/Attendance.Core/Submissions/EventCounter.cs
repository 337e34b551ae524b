namespace Attendance.Submissions;

/// <summary>
/// An event's counter as stored: the last number handed out (<paramref name="Sequence"/>), when the row was last
/// written (<paramref name="WrittenAt"/>, the service's timestamp), the resumption it records, if any, and how many
/// changes after the fact (corrections, voids, erasures) the event has had (<paramref name="Changes"/>).
/// </summary>
public sealed record EventCounter(string EventId, long Sequence, DateTimeOffset? WrittenAt, CounterResumption? Resumption, long Changes = 0);
