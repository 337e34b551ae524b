namespace Attendance.Submissions;

/// <summary>
/// The export's mark of an event could not be read while its counter had to resume (the Delta log unreadable, the
/// export account unreachable). The sign-in is refused, nothing stored, and answered 503 with Retry-After: numbering
/// without the mark could hand out numbers the export has already passed.
/// </summary>
public sealed class ExportMarkUnavailableException(string eventId, Exception inner)
    : Exception($"The export mark of event {eventId} could not be read; its counter cannot resume safely.", inner)
{
    /// <summary>The event whose counter had to resume.</summary>
    public string EventId { get; } = eventId;
}
