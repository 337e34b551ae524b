namespace Attendance.Submissions;

/// <summary>
/// One numbered record of an event as the store holds it now: a live attendance with its values, or the tombstone
/// of one that was voided or erased (<paramref name="Attendance"/> null). Corrections change the values in place.
/// </summary>
public sealed record StoreRecord(
    long Sequence, string SubmissionId, DateTimeOffset ReceivedAt, DateOnly SessionDate, RecordState State, AttendanceSubmission? Attendance, ClearedContacts? Cleared = null)
{
    /// <summary>Whether the record no longer counts as an attendance.</summary>
    public bool Withdrawn => State != RecordState.Live;

    /// <summary>The attendance when the record is live; null for a tombstone.</summary>
    public StoredSubmission? Live => State == RecordState.Live && Attendance is { } attendance
        ? new StoredSubmission(Sequence, SubmissionId, ReceivedAt, attendance, Cleared)
        : null;
}
