namespace Attendance.Submissions;

/// <summary>A submission as the store holds it, with its place in the event's sequence and when it was accepted.</summary>
public sealed record StoredSubmission(long Sequence, string SubmissionId, DateTimeOffset ReceivedAt, AttendanceSubmission Submission);
