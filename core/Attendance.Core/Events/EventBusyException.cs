namespace Attendance.Events;

/// <summary>
/// Saving an event kept losing the ETag race to other writers of the same event: nothing of this save was
/// stored, and retrying it later is safe (answered 503 with Retry-After).
/// </summary>
public sealed class EventBusyException(string eventId, int attempts, Exception inner)
    : InvalidOperationException($"Event '{eventId}' was changed by other writers {attempts} times while this save ran.", inner)
{
    public string EventId { get; } = eventId;
}
