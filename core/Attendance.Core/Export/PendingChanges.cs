using Attendance.Delta;
using Attendance.Submissions;

namespace Attendance.Export;

/// <summary>
/// The changes after the fact (corrections, voids, erasures) each event has had since the export last applied them.
/// The store numbers an event's changes 1, 2, … in its counter (<see cref="EventCounter.Changes"/>) in the same
/// transaction as the change; the attendance table records, per event, the last change applied as the <c>txn</c>
/// <c>attendance-changes:{eventId}</c> (<see cref="AppId"/>), committed with the rewritten files. An event whose
/// counter has no change past that mark costs nothing beyond the counter the run reads anyway; its changes are not
/// reread. A counter with fewer changes than the mark (its change log lost with the submissions table) is reported
/// (<see cref="ChangesBehindMark"/>) and every change of its new log is applied (re-applying one already applied
/// changes nothing), with the mark set back to the counter's count, so changes made after the loss are not skipped.
/// The export (<see cref="AttendanceExport"/>) applies the changes; <see cref="Reconciliation"/> reports them as pending.
/// </summary>
internal static class PendingChanges
{
    /// <summary>The <c>txn</c> appId of an event's change mark.</summary>
    public static string AppId(string eventId) => "attendance-changes:" + eventId;

    /// <summary>
    /// For each counter: the changes after the event's mark in <paramref name="snapshot"/> up to the counter's count,
    /// in number order; for a counter behind its mark, all of its changes, and the counter as behind.
    /// </summary>
    public static async Task<(List<EventChanges> Pending, List<ChangesBehindMark> Behind)> ReadAsync(
        SubmissionStore submissions, IEnumerable<EventCounter> counters, DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var pending = new List<EventChanges>();
        var behind = new List<ChangesBehindMark>();
        foreach (var counter in counters)
        {
            var mark = snapshot.Transactions.GetValueOrDefault(AppId(counter.EventId));
            if (counter.Changes < mark)
            {
                behind.Add(new ChangesBehindMark(counter.EventId, counter.Changes, mark));
            }

            if (counter.Changes != mark)
            {
                var after = counter.Changes < mark ? 0 : mark;
                var changes = await submissions.ReadChangesAsync(counter.EventId, after, counter.Changes, cancellationToken).ToListAsync(cancellationToken);
                pending.Add(new EventChanges(counter.EventId, after, counter.Changes, changes));
            }
        }

        return (pending, behind);
    }
}

/// <summary>
/// An event's changes numbered after <paramref name="From"/> up to and including <paramref name="To"/>, the counter's
/// count, which becomes the event's change mark once they are applied.
/// </summary>
internal sealed record EventChanges(string EventId, long From, long To, IReadOnlyList<AttendanceChange> Changes);
