using System.Security.Cryptography;
using System.Text;

namespace Attendance.Events;

/// <summary>
/// The per-event secret that lets a public form (opened from a QR code at the venue) post attendance
/// without the function key. It opens only its own event, and only while the event runs: from the first
/// day's start in eastern Indonesia (WIT, UTC+9) to the last day's end in western Indonesia (WIB, UTC+7),
/// so every time zone of the country is covered.
/// </summary>
public static class FormToken
{
    private static readonly TimeSpan EarliestOffset = TimeSpan.FromHours(9);
    private static readonly TimeSpan LatestOffset = TimeSpan.FromHours(7);

    /// <summary>A new random token: 24 bytes, base64url, 32 characters.</summary>
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    /// <summary>Whether <paramref name="given"/> is the event's token (compared in constant time).</summary>
    public static bool Matches(TrainingEvent trainingEvent, string? given) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(trainingEvent.FormToken), Encoding.UTF8.GetBytes(given));

    /// <summary>The first instant the form accepts posts.</summary>
    public static DateTimeOffset OpensAt(TrainingEvent trainingEvent) =>
        new(trainingEvent.StartDate.ToDateTime(TimeOnly.MinValue), EarliestOffset);

    /// <summary>The instant the form stops accepting posts.</summary>
    public static DateTimeOffset ClosesAt(TrainingEvent trainingEvent) =>
        new(trainingEvent.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue), LatestOffset);

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

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
