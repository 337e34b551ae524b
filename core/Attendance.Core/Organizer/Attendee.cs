using Attendance.Api;
using Attendance.Venue;
using Attendance.Submissions;

namespace Attendance.Organizer;

/// <summary>
/// One person's sign-in as the organizer sees it, contact details included (these views are keyed; analytics never
/// see them). <see cref="CheckInAt"/> is the check-in time the submission carries (the venue page always sets one,
/// form tools their own), at the event's clock offset; null for a row typed in from a paper sheet without one, so no
/// list invents a check-in time from the moment it was typed. <see cref="ReceivedAt"/> is when the store accepted it. <see cref="SubmissionId"/> is the id to correct or void it by
/// (<c>PATCH</c>/<c>DELETE /api/events/{eventId}/attendance/{submissionId}</c>). <see cref="ContactsCleared"/> says that
/// phone and email were cleared when the contact retention after the event ran out (<c>Privacy:ContactRetention</c>).
/// </summary>
public sealed record Attendee(
    int Number,
    string FullName,
    string? Gender,
    string? Institution,
    string? InstitutionType,
    string? Position,
    RegionView Province,
    RegionView Regency,
    string? Phone,
    string? Email,
    string SessionDate,
    DateTimeOffset? CheckInAt,
    DateTimeOffset ReceivedAt,
    string Channel,
    string SubmissionId,
    bool ContactsCleared)
{
    /// <summary>The channel recorded when a submission names no source.</summary>
    public const string UnknownChannel = "api";

    public static Attendee From(int number, StoredSubmission stored, IndonesianTimeZone zone)
    {
        var s = stored.Submission;
        return new(
            number,
            s.FullName,
            s.Gender,
            s.Institution,
            s.InstitutionType,
            s.Position,
            RegionView.From(s.Province)!,
            RegionView.From(s.Regency)!,
            s.Phone,
            s.Email,
            s.SessionDate.ToString("O"),
            s.CheckInAt is { } checkIn ? ToSeconds(checkIn).ToOffset(zone.Offset) : null,
            ToSeconds(stored.ReceivedAt).ToOffset(zone.Offset),
            s.Source ?? UnknownChannel,
            stored.SubmissionId,
            stored.Cleared is not null);
    }

    /// <summary>Lists show check-in times to the second; the store keeps the ticks.</summary>
    private static DateTimeOffset ToSeconds(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset);

    /// <summary>The Indonesian label of a vocabulary code, e.g. "Perempuan" for <c>female</c>.</summary>
    public static string? Label(Vocabulary vocabulary, string? code) =>
        code is null ? null : vocabulary.Terms.FirstOrDefault(t => t.Code == code)?.Indonesian ?? code;
}
