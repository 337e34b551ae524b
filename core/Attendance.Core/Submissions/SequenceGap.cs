namespace Attendance.Submissions;

/// <summary>
/// Sequence numbers <paramref name="From"/> to <paramref name="To"/> (inclusive) of an event that were handed out
/// (the event's counter is past them) but are not in the store: accepted submissions that storage lost.
/// </summary>
public sealed record SequenceGap(string EventId, long From, long To)
{
    /// <summary>How many submissions the gap holds.</summary>
    public long Count => To - From + 1;

    /// <inheritdoc />
    public override string ToString() => From == To ? $"{EventId} #{From}" : $"{EventId} #{From}-#{To}";
}
