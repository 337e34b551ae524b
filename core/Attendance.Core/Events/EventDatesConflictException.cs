namespace Attendance.Events;

/// <summary>
/// An event's new dates would leave stored attendance outside them: the change is refused, naming the days, so
/// no accepted attendance silently falls out of its event.
/// </summary>
public sealed class EventDatesConflictException(string eventId, DateOnly startDate, DateOnly endDate, IReadOnlyDictionary<DateOnly, int> outside)
    : InvalidOperationException(
        $"Event '{eventId}' has attendance stored on {Describe(outside)}, outside the new dates {startDate:yyyy-MM-dd} to {endDate:yyyy-MM-dd}.")
{
    public string EventId { get; } = eventId;

    /// <summary>The stored attendance per session date that the new dates would leave out.</summary>
    public IReadOnlyDictionary<DateOnly, int> Outside { get; } = outside;

    /// <summary>"2023-06-05 (3 attendances), 2023-06-06 (1 attendance)".</summary>
    public static string Describe(IReadOnlyDictionary<DateOnly, int> days) =>
        string.Join(", ", days.OrderBy(d => d.Key).Select(d => $"{d.Key:yyyy-MM-dd} ({d.Value} attendance{(d.Value == 1 ? string.Empty : "s")})"));
}
