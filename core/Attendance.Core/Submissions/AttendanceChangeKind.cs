namespace Attendance.Submissions;

/// <summary>What a change after the fact did to one attendance.</summary>
public enum AttendanceChangeKind
{
    /// <summary>Some of its values were corrected; it still counts.</summary>
    Correction,

    /// <summary>It was voided by an organizer; the person may sign in again that day.</summary>
    Void,

    /// <summary>It was erased at the person's request, with every other attendance of theirs.</summary>
    Erasure,
}
