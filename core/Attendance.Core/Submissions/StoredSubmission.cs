namespace Attendance.Submissions;

/// <summary>
/// A submission as the store holds it, with its place in the event's sequence and when it was accepted; and, once the
/// contact retention ran out, that its email and phone were cleared (<paramref name="Cleared"/>).
/// </summary>
public sealed record StoredSubmission(long Sequence, string SubmissionId, DateTimeOffset ReceivedAt, AttendanceSubmission Submission, ClearedContacts? Cleared = null);
