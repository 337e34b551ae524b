namespace Attendance.Export;

/// <summary>
/// An event whose counter has had fewer changes (<paramref name="Changes"/>) than the export has applied
/// (<paramref name="Mark"/>, the <c>attendance-changes:{eventId}</c> mark): the submissions table was lost and
/// recreated, or restored from an older copy, and its change log went with it. Changes numbered up to the mark in the
/// new log cannot be told apart from the ones already applied by their numbers, so the export applies every change of
/// the new log (re-applying one makes the row equal to the record's current state again, which changes nothing) and
/// sets the mark back to the counter's count. What it cannot undo is a record restored to its state before a change
/// the export had applied (an erased attendance back with its personal data): <c>verify</c> then lists it as missing
/// or outdated, and the change has to be made again in the store. Reported by the run that finds it (the CLI exits 1),
/// and by <c>verify</c> until an export has run. The same check as for numbers (<see cref="CounterBehindMark"/>).
/// </summary>
public sealed record ChangesBehindMark(string EventId, long Changes, long Mark)
{
    /// <inheritdoc />
    public override string ToString() => $"{EventId}: {Changes} changes in the store, {Mark} applied by the export";
}
