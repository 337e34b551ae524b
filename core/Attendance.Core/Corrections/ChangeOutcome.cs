using Attendance.Submissions;

namespace Attendance.Corrections;

/// <summary>
/// The answer to a correction or a void: its status, the attendance's state afterwards, the audit entry written (when
/// one was), and for a refusal the fields at fault or the attendance it collides with.
/// </summary>
public sealed record ChangeOutcome(
    ChangeStatus Status,
    string EventId,
    string SubmissionId,
    RecordState? State = null,
    AttendanceChange? Change = null,
    FieldErrors? Errors = null,
    string? ConflictingSubmissionId = null);
