namespace Attendance.Export;

/// <summary>
/// An event whose counter has had fewer changes (<paramref name="Changes"/>) than the export has applied
/// (<paramref name="Mark"/>, the <c>attendance-changes:{eventId}</c> mark): the submissions table was lost and
/// recreated, or restored from an older copy, and its change log went with it. Changes numbered up to the mark in the
/// new log can never be told apart from the ones already applied, so the export applies none of them and moves
/// nothing: it reports the event (the CLI exits 1, <c>verify</c> lists it) for someone to look at the rows by hand;
/// <c>attendance rebuild</c> rewrites the table from the store as it is now and sets the mark to the counter again.
/// The same check as for numbers (<see cref="CounterBehindMark"/>).
/// </summary>
public sealed record ChangesBehindMark(string EventId, long Changes, long Mark)
{
    /// <inheritdoc />
    public override string ToString() => $"{EventId}: {Changes} changes in the store, {Mark} applied by the export";
}
