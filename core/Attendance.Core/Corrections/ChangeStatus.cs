namespace Attendance.Corrections;

/// <summary>How a requested change ended.</summary>
public enum ChangeStatus
{
    /// <summary>Stored, with its entry in the audit trail.</summary>
    Done,

    /// <summary>Nothing to do: the values asked for are the stored ones, or the attendance was already voided.</summary>
    Unchanged,

    /// <summary>No such attendance in the event (never stored, or erased).</summary>
    NotFound,

    /// <summary>The corrected values are invalid; <see cref="ChangeOutcome.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The correction makes it the same person on the same day as another attendance, named by <see cref="ChangeOutcome.ConflictingSubmissionId"/>.</summary>
    Conflict,

    /// <summary>The attendance was voided or erased; it can no longer be corrected.</summary>
    Withdrawn,
}
