using Attendance.Events;
using Azure.Data.Tables;

namespace Attendance.Submissions;

/// <summary>
/// One event's submissions waiting in this process for the next transaction, the event's counter as this process
/// last committed it, and what it knows of the event: its version as the counter last carried it, and the event as
/// last read. One writer at a time drains the queue: while its transaction is in flight, new sign-ins gather and go
/// together in the next one, so a burst costs fewer round trips than sign-ins.
/// </summary>
internal sealed class EventQueue
{
    private readonly Lock gate = new();
    private readonly List<PendingSubmission> waiting = [];
    private bool draining;
    private TableEntity? counter;
    private string? knownVersion;
    private TrainingEvent? remembered;

    /// <summary>Queues <paramref name="submissions"/> in order; true when the caller must start draining (nobody is).</summary>
    public bool Enqueue(IEnumerable<PendingSubmission> submissions)
    {
        lock (gate)
        {
            waiting.AddRange(submissions);
            if (draining)
            {
                return false;
            }

            draining = true;
            return true;
        }
    }

    /// <summary>
    /// Takes the next transaction's submissions, oldest first, at most <paramref name="max"/>. A submission whose
    /// attendance or id another of the same transaction already writes waits for the next one, where it meets the
    /// stored original (the service refuses a transaction that names one row twice). Empty when nothing waits: the
    /// drainer stops, and the next sign-in starts one.
    /// </summary>
    public List<PendingSubmission> TakeBatch(int max)
    {
        lock (gate)
        {
            var batch = new List<PendingSubmission>(Math.Min(max, waiting.Count));
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < waiting.Count && batch.Count < max;)
            {
                var next = waiting[i];
                if (keys.Contains(next.AttendanceKey) || keys.Contains(SubmissionRows.IdKey(next.SubmissionId)))
                {
                    i++;
                    continue;
                }

                keys.Add(next.AttendanceKey);
                keys.Add(SubmissionRows.IdKey(next.SubmissionId));
                batch.Add(next);
                waiting.RemoveAt(i);
            }

            draining = batch.Count > 0;
            return batch;
        }
    }

    /// <summary>
    /// The counter as this process last committed it, with its ETag, or null; taken, so a value is tried once. A
    /// stale one costs the transaction that carries it (412, or 404 when the row is gone) and a read, never a number.
    /// </summary>
    public TableEntity? TakeCounter()
    {
        lock (gate)
        {
            var taken = counter;
            counter = null;
            return taken;
        }
    }

    /// <summary>
    /// The event's version as the counter carried it when this process last read or committed it; null when unknown
    /// or absent. Only a remembered event of this version is recalled.
    /// </summary>
    public string? KnownVersion
    {
        get { lock (gate) { return knownVersion; } }
        set { lock (gate) { knownVersion = value; } }
    }

    /// <summary>Keeps the event as just read (one without a version is never used from memory).</summary>
    public void Remember(TrainingEvent trainingEvent)
    {
        lock (gate)
        {
            remembered = trainingEvent;
        }
    }

    /// <summary>
    /// The remembered event when its version is the one the counter last carried; else null. The transaction that
    /// stores a sign-in checked against it still has to prove that version current (<see cref="CheckedEvent"/>).
    /// </summary>
    public TrainingEvent? Recall()
    {
        lock (gate)
        {
            return remembered is { Version: { } v } && v == knownVersion ? remembered : null;
        }
    }

    /// <summary>Remembers the counter a transaction just committed, for the next one.</summary>
    public void KeepCounter(TableEntity committed)
    {
        lock (gate)
        {
            counter = committed;
        }
    }
}
