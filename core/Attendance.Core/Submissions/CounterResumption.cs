namespace Attendance.Submissions;

/// <summary>
/// An event's counter that was found missing after the event's numbering had started (the event's row records the
/// start, or rows or an export mark were left), so numbering resumed after <paramref name="After"/> at
/// <paramref name="At"/>. Submissions that were accepted after that number and were lost with the counter (a deleted
/// table) cannot be counted; this says when and where to look. <c>verify</c> and <c>export</c> exit 1 on it until an
/// operator acknowledges it (<paramref name="AcknowledgedAt"/>, set by <c>attendance verify --acknowledge-resumption</c>).
/// </summary>
public sealed record CounterResumption(string EventId, long After, DateTimeOffset At, DateTimeOffset? AcknowledgedAt = null)
{
    /// <summary>Whether an operator has acknowledged it.</summary>
    public bool Acknowledged => AcknowledgedAt is not null;
}
