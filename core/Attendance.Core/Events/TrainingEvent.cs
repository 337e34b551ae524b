using Attendance.Regions;

namespace Attendance.Events;

/// <summary>
/// A registered training event (for example a four-day Bimtek SPP-TIK in Bandar Lampung). Submissions are
/// accepted for session dates from <see cref="StartDate"/> to <see cref="EndDate"/>.
/// </summary>
public sealed record TrainingEvent
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public string? Venue { get; init; }

    public Region? Province { get; init; }

    public Region? Regency { get; init; }

    public string? Program { get; init; }

    /// <summary>Whom participants contact about their data (an email or phone); null: the setting <c>Privacy:Contact</c>.</summary>
    public string? PrivacyContact { get; init; }

    /// <summary>The secret of the event's public form (QR code at the venue); see <see cref="FormToken"/>.</summary>
    public required string FormToken { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// A new value at every save (and token rotation), written first to the event's version row and counter in the
    /// submissions table and then here; null for an event last saved before versions existed. Lets a process remember the event
    /// for sign-ins and still be proved right at commit (<see cref="CheckedEvent"/>). Not shown to anyone.
    /// </summary>
    public string? Version { get; init; }

    public int Days => EndDate.DayNumber - StartDate.DayNumber + 1;

    public bool Includes(DateOnly date) => date >= StartDate && date <= EndDate;
}
