using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Export;

/// <summary>
/// The three tables analysts load (documented column by column in docs/powerbi.md): <c>attendance</c>, one row
/// per attendance of a participant on a session day; <c>events</c>; and <c>regions</c>, the official codes.
/// Email and phone are never exported; <c>full_name</c> only when <see cref="ExportOptions.IncludeNames"/> is set.
/// Every string that repeats within a row group is hinted for a dictionary: codes, places and categories, and also
/// the participant's key and name, which repeat once per day of a training. Ids that are unique per row are not.
/// </summary>
public static class AnalyticsTables
{
    public const string AttendancePath = "attendance";
    public const string EventsPath = "events";
    public const string RegionsPath = "regions";

    public static ExportTable<AttendanceRow> Attendance(bool includeNames) => new(AttendancePath,
    [
        ExportColumn<AttendanceRow>.String("submission_id", r => r.Stored.SubmissionId),
        ExportColumn<AttendanceRow>.String("event_id", r => r.Stored.Submission.EventId, dictionary: true, skipping: true),
        ExportColumn<AttendanceRow>.Date("session_date", r => r.Stored.Submission.SessionDate, skipping: true),
        ExportColumn<AttendanceRow>.String("participant_key", r => r.ParticipantKey, dictionary: true),
        .. includeNames ? [ExportColumn<AttendanceRow>.String("full_name", r => r.Stored.Submission.FullName, nullable: true, dictionary: true)] : Array.Empty<ExportColumn<AttendanceRow>>(),
        ExportColumn<AttendanceRow>.String("gender", r => r.Stored.Submission.Gender, nullable: true, dictionary: true),
        ExportColumn<AttendanceRow>.String("institution", r => r.Stored.Submission.Institution, nullable: true, dictionary: true),
        ExportColumn<AttendanceRow>.String("institution_type", r => r.Stored.Submission.InstitutionType, nullable: true, dictionary: true),
        ExportColumn<AttendanceRow>.String("position", r => r.Stored.Submission.Position, nullable: true, dictionary: true),
        ExportColumn<AttendanceRow>.String("province_code", r => r.Stored.Submission.Province.Code, dictionary: true, skipping: true),
        ExportColumn<AttendanceRow>.String("province_name", r => r.Stored.Submission.Province.Name, dictionary: true),
        ExportColumn<AttendanceRow>.String("regency_code", r => r.Stored.Submission.Regency.Code, dictionary: true, skipping: true),
        ExportColumn<AttendanceRow>.String("regency_name", r => r.Stored.Submission.Regency.Name, dictionary: true),
        ExportColumn<AttendanceRow>.Timestamp("check_in_at", r => r.Stored.Submission.CheckInAt, nullable: true, skipping: true),
        ExportColumn<AttendanceRow>.Timestamp("received_at", r => r.Stored.ReceivedAt, skipping: true),
        ExportColumn<AttendanceRow>.String("source", r => r.Stored.Submission.Source, nullable: true, dictionary: true, skipping: true),
    ]);

    public static ExportTable<TrainingEvent> Events { get; } = new(EventsPath,
    [
        ExportColumn<TrainingEvent>.String("event_id", e => e.Id, skipping: true),
        ExportColumn<TrainingEvent>.String("name", e => e.Name),
        ExportColumn<TrainingEvent>.Date("start_date", e => e.StartDate, skipping: true),
        ExportColumn<TrainingEvent>.Date("end_date", e => e.EndDate, skipping: true),
        ExportColumn<TrainingEvent>.Int32("days", e => e.Days),
        ExportColumn<TrainingEvent>.String("venue", e => e.Venue, nullable: true, dictionary: true),
        ExportColumn<TrainingEvent>.String("province_code", e => e.Province?.Code, nullable: true, dictionary: true, skipping: true),
        ExportColumn<TrainingEvent>.String("province_name", e => e.Province?.Name, nullable: true, dictionary: true),
        ExportColumn<TrainingEvent>.String("regency_code", e => e.Regency?.Code, nullable: true, dictionary: true, skipping: true),
        ExportColumn<TrainingEvent>.String("regency_name", e => e.Regency?.Name, nullable: true, dictionary: true),
        ExportColumn<TrainingEvent>.String("program", e => e.Program, nullable: true, dictionary: true),
        ExportColumn<TrainingEvent>.Timestamp("updated_at", e => e.UpdatedAt, skipping: true),
    ]);

    public static ExportTable<RegionRow> Regions { get; } = new(RegionsPath,
    [
        ExportColumn<RegionRow>.String("code", r => r.Region.Code, skipping: true),
        ExportColumn<RegionRow>.String("name", r => r.Region.Name),
        ExportColumn<RegionRow>.String("level", r => r.Region.ParentCode is null ? "province" : "regency", dictionary: true),
        ExportColumn<RegionRow>.String("province_code", r => r.Province.Code, dictionary: true, skipping: true),
        ExportColumn<RegionRow>.String("province_name", r => r.Province.Name, dictionary: true),
    ]);
}

/// <summary>A stored submission with its pseudonymous participant key, as the attendance table writes it.</summary>
public sealed record AttendanceRow(StoredSubmission Stored, string ParticipantKey)
{
    /// <summary>
    /// The row of a stored attendance: its participant's key is the HMAC of their identity under the pseudonym key;
    /// for a record whose contacts were cleared, the key recorded then, as long as the pseudonym key is the same one
    /// (after a deliberate key change the cleared identity is the name within the regency).
    /// </summary>
    public static AttendanceRow For(StoredSubmission stored, byte[] pseudonymSecret, string keyFingerprint) => new(
        stored,
        stored.Cleared is { } cleared && cleared.KeyFingerprint == keyFingerprint
            ? cleared.ParticipantKey
            : stored.Submission.Identity.PseudonymKey(pseudonymSecret));
}

/// <summary>An official region with its province (itself, for a province).</summary>
public sealed record RegionRow(Region Region, Region Province);
