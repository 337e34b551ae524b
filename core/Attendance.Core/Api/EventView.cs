using System.Text.Json.Serialization;
using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Api;

/// <summary>
/// An event as the API shows it. The form token and the absolute sign-in link are shown only to the admin who saved
/// the event or rotated its token.
/// </summary>
public sealed record EventView(
    string Id,
    string Name,
    string StartDate,
    string EndDate,
    string? Venue,
    RegionView? Province,
    RegionView? Regency,
    string? Program,
    string? PrivacyContact,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FormToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FormUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AttendanceView? Attendance)
{
    /// <summary>The view; with <paramref name="formUrl"/> it carries the token and that link.</summary>
    public static EventView From(TrainingEvent e, EventAttendance? attendance, Uri? formUrl) => new(
        e.Id,
        e.Name,
        e.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        e.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        e.Venue,
        RegionView.From(e.Province),
        RegionView.From(e.Regency),
        e.Program,
        e.PrivacyContact,
        formUrl is null ? null : e.FormToken,
        formUrl?.AbsoluteUri,
        attendance is null ? null : new AttendanceView(attendance.Participants, attendance.ByDate));
}

/// <summary>An official region: code and name.</summary>
public sealed record RegionView(string Code, string Name)
{
    public static RegionView? From(Region? region) => region is null ? null : new(region.Code, region.Name);
}

/// <summary>Live attendance: distinct participants, attendances per session date.</summary>
public sealed record AttendanceView(int Participants, IReadOnlyDictionary<string, int> ByDate);
