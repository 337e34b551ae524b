namespace Attendance.Submissions;

/// <summary>
/// One entry of an event's audit trail: change number <paramref name="Number"/> (1, 2, … per event, without gaps),
/// made at <paramref name="At"/> with the key named <paramref name="KeyName"/>, to the attendance numbered
/// <paramref name="Sequence"/>. <paramref name="Fields"/> names the corrected fields; no entry holds a personal value,
/// old or new.
/// </summary>
public sealed record AttendanceChange(
    long Number,
    string EventId,
    long Sequence,
    string SubmissionId,
    AttendanceChangeKind Kind,
    DateTimeOffset At,
    string KeyName,
    string Reason,
    IReadOnlyList<string> Fields);
