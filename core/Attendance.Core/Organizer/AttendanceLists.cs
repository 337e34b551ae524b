using Attendance.Api;
using Attendance.Events;
using Attendance.Venue;
using Attendance.Submissions;

namespace Attendance.Organizer;

/// <summary>Builds the organizer's lists from stored attendances.</summary>
public static class AttendanceLists
{
    public static DayAttendance Day(TrainingEvent e, DateOnly date, IEnumerable<StoredSubmission> stored)
    {
        var zone = IndonesianTimeZone.Of(e.Province);
        var attendees = stored
            .OrderBy(s => s.Submission.FullName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(s => s.Sequence)
            .Select((s, i) => Attendee.From(i + 1, s, zone))
            .ToList();
        return new DayAttendance(e.Id, e.Name, e.Venue, date.ToString("O"), zone.Abbreviation, attendees.Count, attendees);
    }

    public static EventAttendanceSheet Whole(TrainingEvent e, IEnumerable<StoredSubmission> stored)
    {
        var days = Enumerable.Range(0, e.Days).Select(i => e.StartDate.AddDays(i).ToString("O")).ToList();
        var people = stored
            .GroupBy(s => s.Submission.Identity.StorageKey, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.MaxBy(s => s.Sequence)!.Submission;
                var attended = g.Select(s => s.Submission.SessionDate.ToString("O")).Distinct().Order(StringComparer.Ordinal).ToList();
                return (Latest: latest, Attended: attended);
            })
            .OrderBy(p => p.Latest.FullName, StringComparer.CurrentCultureIgnoreCase)
            .Select((p, i) => new ParticipantDays(
                i + 1, p.Latest.FullName, p.Latest.Institution, RegionView.From(p.Latest.Regency)!, RegionView.From(p.Latest.Province)!,
                p.Latest.Phone, p.Latest.Email, p.Attended, days.All(p.Attended.Contains)))
            .ToList();
        var byDay = days.ToDictionary(d => d, d => people.Count(p => p.DaysAttended.Contains(d)), StringComparer.Ordinal);
        return new EventAttendanceSheet(e.Id, e.Name, e.Venue, days, byDay, people,
            [.. people.Where(p => p.AttendedEveryDay).Select(p => p.FullName)]);
    }
}
