namespace Attendance.Submissions;

/// <summary>
/// Whether this transaction's submissions recorded that the event's numbering started. Kept across the retries of
/// one transaction (a lost race, a duplicate found, a table found missing and created again), which must not take
/// its own record for a counter that went missing.
/// </summary>
internal sealed class NumberingStart
{
    public bool RecordedHere { get; set; }
}
