namespace Attendance.Corrections;

/// <summary>
/// A change found the event's records but not its counter (the table restored in part). Nothing was written; the next
/// sign-in resumes the counter (and <c>attendance verify</c> reports the resumption), after which the change can be retried.
/// </summary>
public sealed class CounterMissingException(string eventId)
    : InvalidOperationException($"The counter of event '{eventId}' is missing; no change was written. It comes back with the next sign-in; retry then.")
{
    public string EventId { get; } = eventId;
}
