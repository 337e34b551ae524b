using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Export;

/// <summary>
/// The three tables analysts load (documented column by column in docs/powerbi.md): <c>attendance</c>, one row
/// per attendance of a participant on a session day; <c>events</c>; and <c>regions</c>, the official codes.
/// Email and phone are never exported; <c>full_name</c> only when <see cref="ExportOptions.IncludeNames"/> is set.
/// </summary>
public static class AnalyticsTables
{
    public const string AttendancePath = "attendance";
    public const string EventsPath = "events";
    public const string RegionsPath = "regions";

    public static ExportTable<AttendanceRow> Attendance(bool includeNames) => new(AttendancePath,
    [
        ExportColumn<AttendanceRow>.String("submission_id", r => r.Stored.SubmissionId),
        ExportColumn<AttendanceRow>.String("event_id", r => r.Stored.Submission.EventId),
        ExportColumn<AttendanceRow>.Date("session_date", r => r.Stored.Submission.SessionDate),
        ExportColumn<AttendanceRow>.String("participant_key", r => r.ParticipantKey),
        .. includeNames ? [ExportColumn<AttendanceRow>.String("full_name", r => r.Stored.Submission.FullName, nullable: true)] : Array.Empty<ExportColumn<AttendanceRow>>(),
        ExportColumn<AttendanceRow>.String("gender", r => r.Stored.Submission.Gender, nullable: true),
        ExportColumn<AttendanceRow>.String("institution", r => r.Stored.Submission.Institution, nullable: true),
        ExportColumn<AttendanceRow>.String("institution_type", r => r.Stored.Submission.InstitutionType, nullable: true),
        ExportColumn<AttendanceRow>.String("position", r => r.Stored.Submission.Position, nullable: true),
        ExportColumn<AttendanceRow>.String("province_code", r => r.Stored.Submission.Province.Code),
        ExportColumn<AttendanceRow>.String("province_name", r => r.Stored.Submission.Province.Name),
        ExportColumn<AttendanceRow>.String("regency_code", r => r.Stored.Submission.Regency.Code),
        ExportColumn<AttendanceRow>.String("regency_name", r => r.Stored.Submission.Regency.Name),
        ExportColumn<AttendanceRow>.Timestamp("check_in_at", r => r.Stored.Submission.CheckInAt, nullable: true),
        ExportColumn<AttendanceRow>.Timestamp("received_at", r => r.Stored.ReceivedAt),
        ExportColumn<AttendanceRow>.String("source", r => r.Stored.Submission.Source, nullable: true),
    ]);

    public static ExportTable<TrainingEvent> Events { get; } = new(EventsPath,
    [
        ExportColumn<TrainingEvent>.String("event_id", e => e.Id),
        ExportColumn<TrainingEvent>.String("name", e => e.Name),
        ExportColumn<TrainingEvent>.Date("start_date", e => e.StartDate),
        ExportColumn<TrainingEvent>.Date("end_date", e => e.EndDate),
        ExportColumn<TrainingEvent>.Int32("days", e => e.Days),
        ExportColumn<TrainingEvent>.String("venue", e => e.Venue, nullable: true),
        ExportColumn<TrainingEvent>.String("province_code", e => e.Province?.Code, nullable: true),
        ExportColumn<TrainingEvent>.String("province_name", e => e.Province?.Name, nullable: true),
        ExportColumn<TrainingEvent>.String("regency_code", e => e.Regency?.Code, nullable: true),
        ExportColumn<TrainingEvent>.String("regency_name", e => e.Regency?.Name, nullable: true),
        ExportColumn<TrainingEvent>.String("program", e => e.Program, nullable: true),
        ExportColumn<TrainingEvent>.Timestamp("updated_at", e => e.UpdatedAt),
    ]);

    public static ExportTable<RegionRow> Regions { get; } = new(RegionsPath,
    [
        ExportColumn<RegionRow>.String("code", r => r.Region.Code),
        ExportColumn<RegionRow>.String("name", r => r.Region.Name),
        ExportColumn<RegionRow>.String("level", r => r.Region.ParentCode is null ? "province" : "regency"),
        ExportColumn<RegionRow>.String("province_code", r => r.Province.Code),
        ExportColumn<RegionRow>.String("province_name", r => r.Province.Name),
    ]);
}

/// <summary>A stored submission with its pseudonymous participant key, as the attendance table writes it.</summary>
public sealed record AttendanceRow(StoredSubmission Stored, string ParticipantKey);

/// <summary>An official region with its province (itself, for a province).</summary>
public sealed record RegionRow(Region Region, Region Province);
