using Attendance.Corrections;
using Attendance.Submissions;

namespace Attendance.Api;

/// <summary>One entry of an event's audit trail as the API shows it: no personal value, old or new.</summary>
public sealed record ChangeView(long Number, string Kind, string SubmissionId, DateTimeOffset At, string Key, string Reason, IReadOnlyList<string> Fields)
{
    public static ChangeView From(AttendanceChange change) => new(
        change.Number, change.Kind.ToString().ToLowerInvariant(), change.SubmissionId, change.At, change.KeyName, change.Reason, change.Fields);
}

/// <summary>The answer to a correction or a void: the attendance's state and the change recorded (null when nothing changed).</summary>
public sealed record ChangeOutcomeView(string EventId, string SubmissionId, string State, ChangeView? Change)
{
    public static ChangeOutcomeView From(ChangeOutcome outcome) => new(
        outcome.EventId, outcome.SubmissionId, ChangesApi.StateView(outcome.State), outcome.Change is { } change ? ChangeView.From(change) : null);
}

/// <summary>What an erasure removed, or would remove: per event, each attendance by id and day.</summary>
public sealed record ErasureView(bool Preview, int Attendances, IReadOnlyList<ErasureEvent> Events)
{
    public static ErasureView From(ErasureResult result) => new(result.Preview, result.Attendances, result.Events);
}
