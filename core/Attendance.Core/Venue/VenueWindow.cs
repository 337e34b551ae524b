using Attendance.Events;

namespace Attendance.Venue;

/// <summary>
/// When the venue form of an event is open and which session days it takes. It opens at the first day's start in
/// eastern Indonesia (WIT, UTC+9) and closes at the last day's end in western Indonesia (WIB, UTC+7), so every
/// time zone of the country is covered; the token that opens the form is <see cref="FormToken"/>.
/// </summary>
public static class VenueWindow
{
    private static readonly TimeSpan EarliestOffset = TimeSpan.FromHours(9);
    private static readonly TimeSpan LatestOffset = TimeSpan.FromHours(7);

    /// <summary>The first instant the form accepts posts.</summary>
    public static DateTimeOffset OpensAt(TrainingEvent trainingEvent) =>
        new(trainingEvent.StartDate.ToDateTime(TimeOnly.MinValue), EarliestOffset);

    /// <summary>The instant the form stops accepting posts.</summary>
    public static DateTimeOffset ClosesAt(TrainingEvent trainingEvent) =>
        new(trainingEvent.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue), LatestOffset);

    /// <summary>Whether the form accepts posts at <paramref name="now"/>.</summary>
    public static bool IsOpen(TrainingEvent trainingEvent, DateTimeOffset now) =>
        now >= OpensAt(trainingEvent) && now < ClosesAt(trainingEvent);

    /// <summary>
    /// The session dates the form records at <paramref name="now"/>: today, as a participant anywhere in Indonesia
    /// would say it (WIB to WIT, so near midnight two dates), within the event. Earlier or later days of the event
    /// are for the organizer to enter through the keyed API, so nobody signs in for days they have not attended.
    /// </summary>
    public static IReadOnlyList<DateOnly> SessionDatesOpen(TrainingEvent trainingEvent, DateTimeOffset now) =>
        new[] { LatestOffset, EarliestOffset }
            .Select(offset => DateOnly.FromDateTime(now.ToOffset(offset).DateTime))
            .Distinct()
            .Where(trainingEvent.Includes)
            .ToList();
}
