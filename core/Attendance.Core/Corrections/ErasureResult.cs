namespace Attendance.Corrections;

/// <summary>
/// What an erasure removed, or in a preview would remove, per event: each attendance by its id and day. Holds no
/// personal value, so it can be shown to whoever asked and kept with the request.
/// </summary>
public sealed record ErasureResult(bool Preview, IReadOnlyList<ErasureEvent> Events)
{
    public int Attendances => Events.Sum(e => e.Attendances.Count);
}

/// <summary>The attendances of one event that an erasure covers.</summary>
public sealed record ErasureEvent(string EventId, IReadOnlyList<ErasedAttendance> Attendances);

/// <summary>One attendance an erasure covers: its id, its day, and (after the erasure) the change that removed it.</summary>
public sealed record ErasedAttendance(string SubmissionId, DateOnly SessionDate, long? Change = null);
