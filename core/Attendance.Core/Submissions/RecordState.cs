namespace Attendance.Submissions;

/// <summary>
/// Whether a stored record still counts as an attendance. A voided or erased record is a tombstone: it keeps its
/// number, id, day and when it was received, so the export and <c>verify</c> can account for every number, and
/// none of the person's values.
/// </summary>
public enum RecordState
{
    /// <summary>An attendance that counts: the lists, the counts and the analytics show it.</summary>
    Live,

    /// <summary>Withdrawn by an organizer (a test entry, a stranger, a duplicate the identity rules could not see).</summary>
    Voided,

    /// <summary>Withdrawn because the person asked for their data to be erased (UU 27/2022).</summary>
    Erased,
}
