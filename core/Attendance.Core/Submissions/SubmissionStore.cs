using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Attendance.Events;
using Attendance.Regions;
using Attendance.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Submissions;

/// <summary>
/// Stores submissions exactly once per event, participant and day (layout: <see cref="SubmissionRows"/>).
/// Each transaction replaces the event's counter under its ETag, so sequence numbers are committed
/// without gaps and in order: the export can take "everything after N" by key range and never miss a row
/// that commits late. A counter found missing (its table deleted and created again, or the row alone gone) resumes
/// above the highest number the partition still holds and above the export's mark, never at 1: a number the
/// export has passed is never handed out again. The event's row in the events table records that its numbering
/// started, so a counter lost before anything was exported is still recognised, recorded and logged as a resumption.
/// </summary>
public sealed partial class SubmissionStore(
    TableServiceClient tables, IOptions<StoreOptions> options, RegionDirectory regions, IExportMark exportMark, ChangedEvents changedEvents, TimeProvider time, ILogger<SubmissionStore> logger)
{
    /// <summary>The most actions the service takes in one entity group transaction.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>Rows one accepted submission writes (<see cref="SubmissionRows"/>).</summary>
    public const int RowsPerSubmission = 3;

    /// <summary>
    /// Submissions per transaction: the counter, the event's version row (when it goes in) and <see cref="RowsPerSubmission"/>
    /// rows each stay within <see cref="MaxTransactionActions"/>.
    /// </summary>
    public const int SubmissionsPerTransaction = (MaxTransactionActions - 2) / RowsPerSubmission;

    private const int MaxCounterRaces = 50;

    // One event's sign-ins waiting in this process and what it last knew of the counter. Concurrent requests join
    // the next transaction instead of racing on the counter's ETag; instances on other machines still race and retry.
    private readonly ConcurrentDictionary<string, EventQueue> queues = new(StringComparer.Ordinal);

    private readonly TableClient table = tables.GetTableClient(options.Value.SubmissionsTable);

    // The record that an event's numbering started lives on the event's row: outside this table, so it survives it.
    private readonly TableClient eventsTable = tables.GetTableClient(options.Value.EventsTable);
    private CreateOnce? ready;

    private CreateOnce Ready => ready ??= CreateOnce.Table(table);

    private EventQueue QueueOf(string eventId) => queues.GetOrAdd(eventId, _ => new EventQueue());

    /// <summary>
    /// The event as this process last read it, when the event's counter, as this process last saw it, carries the
    /// same version; else null. Sign-ins checked against it commit only if that version is still current
    /// (<see cref="CheckedEvent"/>).
    /// </summary>
    internal TrainingEvent? Recall(string eventId) => queues.TryGetValue(eventId, out var queue) ? queue.Recall() : null;

    /// <summary>Keeps an event just read for the sign-ins after this one (<see cref="Recall"/>); one without a version is not kept.</summary>
    internal void Remember(TrainingEvent trainingEvent)
    {
        if (trainingEvent.Version is not null)
        {
            QueueOf(trainingEvent.Id).Remember(trainingEvent);
        }
    }

    /// <summary>
    /// Writes <paramref name="version"/> to the event's version row and then onto its counter; the event's save writes
    /// its own row with the same version after this. From the counter's write on, no sign-in checked against a
    /// remembered copy commits (its transaction replaces the counter under an ETag this write changed), and no copy is
    /// recalled until the event's row carries the version the counter does: a save that fails between the two leaves
    /// every sign-in reading the event, never trusting a copy. An event without a counter yet has only the row, which
    /// the transaction that creates the counter rewrites under its ETag for the same proof.
    /// </summary>
    internal Task StampEventVersionAsync(string eventId, string version, CancellationToken cancellationToken) =>
        Ready.RunAsync(async ct =>
        {
            await table.UpsertEntityAsync(
                new TableEntity(eventId, SubmissionRows.EventVersionKey) { [SubmissionRows.EventVersionProperty] = version }, TableUpdateMode.Replace, ct);
            try
            {
                await table.UpdateEntityAsync(
                    new TableEntity(eventId, SubmissionRows.CounterKey) { [SubmissionRows.EventVersionProperty] = version }, ETag.All, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // No counter yet (the table exists: the row was just written): the transaction that creates the counter
                // reads the row and writes the version onto it.
            }
        }, cancellationToken);

    /// <summary>The event's counter, or null when missing; the version it carries becomes the one this process knows.</summary>
    private async Task<TableEntity?> ReadCounterAsync(string eventId, EventQueue queue, CancellationToken cancellationToken)
    {
        var counter = await table.FindAsync(eventId, SubmissionRows.CounterKey, cancellationToken);
        queue.KnownVersion = counter?.GetString(SubmissionRows.EventVersionProperty);
        return counter;
    }

    /// <summary>
    /// Reads one page of the table, for the health check: throws when storage does not answer; a table found gone
    /// is created again first, so the check reports what the next request will meet.
    /// </summary>
    public Task CheckAsync(CancellationToken cancellationToken = default) =>
        Ready.RunAsync(table.ReadOnePageAsync, cancellationToken);

    /// <summary>
    /// Finds a stored original of <paramref name="item"/>; if there is one, records a duplicate receipt. When the
    /// item's id is stored for another attendance (another person or day), records a conflict instead: an id
    /// never swallows a different attendance.
    /// </summary>
    private async Task<bool> TryRecordDuplicateAsync(PendingSubmission item, CancellationToken cancellationToken)
    {
        var eventId = item.Submission.EventId;
        if (await table.FindAsync(eventId, SubmissionRows.IdKey(item.SubmissionId), cancellationToken) is { } idRow)
        {
            // A voided or erased submission sent again (a phone's queue, a retried batch) is the same submission:
            // it stays withdrawn, and the sender is told it was received.
            var same = SubmissionRows.StateOf(idRow) != RecordState.Live || idRow.GetString("AttendanceKey") == item.AttendanceKey;
            item.Answer(new SubmissionReceipt(same ? ReceiptStatus.Duplicate : ReceiptStatus.Conflict, item.SubmissionId));
            return true;
        }

        var original = (await table.FindAsync(eventId, item.AttendanceKey, cancellationToken))?.GetString("SubmissionId");
        if (original is null)
        {
            return false;
        }

        item.Answer(new SubmissionReceipt(ReceiptStatus.Duplicate, original));
        return true;
    }

    /// <summary>The highest sequence number committed for the event; 0 when it has no submissions.</summary>
    public async Task<long> GetLastSequenceAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var counter = await Ready.RunAsync(ct => table.FindAsync(eventId, SubmissionRows.CounterKey, ct), cancellationToken);
        return counter?.GetInt64("Sequence") ?? 0;
    }

    /// <summary>
    /// Where a missing counter resumes: after the highest sequence the partition still holds and after the export's
    /// mark, whichever is higher. Both matter: rows can outlive their counter, and a table deleted after an export
    /// holds nothing while the analytics already hold numbers up to the mark. A mark that cannot be read stops the
    /// sign-in with <see cref="ExportMarkUnavailableException"/> (a 503): numbering below it could hide a sign-in.
    /// </summary>
    private async Task<long> FindResumePointAsync(string eventId, CancellationToken cancellationToken)
    {
        var stored = await FindLastStoredAsync(eventId, cancellationToken);
        long mark;
        try
        {
            mark = await exportMark.GetAsync(eventId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new ExportMarkUnavailableException(eventId, ex);
        }

        return Math.Max(stored, mark);
    }

    /// <summary>The highest sequence the event's partition holds (keys only); 0 when it holds none.</summary>
    private async Task<long> FindLastStoredAsync(string eventId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey ge {SubmissionRows.SequenceRange.From} and RowKey lt {SubmissionRows.SequenceRange.Until}");
        long stored = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            stored = Math.Max(stored, SubmissionRows.ParseSequence(entity.RowKey));
        }

        return stored;
    }

    /// <summary>Whether the event's row records that its numbering started (<see cref="RecordNumberingStartedAsync"/>).</summary>
    private async Task<bool> NumberingStartedAsync(string eventId, CancellationToken cancellationToken)
    {
        var row = await eventsTable.GetEntityIfExistsAsync<TableEntity>(
            EventStore.Partition, eventId, select: [EventStore.NumberingStartedProperty], cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetBoolean(EventStore.NumberingStartedProperty) == true;
    }

    /// <summary>
    /// Records on the event's row, before the first number is handed out, that the event's numbering started: a
    /// counter found missing later is then known to be a loss even when no row and no export is left to resume above.
    /// A merge, so it never overwrites a registration saved meanwhile (whose replace, under its ETag, keeps the record).
    /// </summary>
    private async Task RecordNumberingStartedAsync(string eventId, CancellationToken cancellationToken)
    {
        try
        {
            await eventsTable.UpdateEntityAsync(
                new TableEntity(EventStore.Partition, eventId) { [EventStore.NumberingStartedProperty] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && !CreateOnce.IsMissing(ex))
        {
            // No such event row (a submission for an event deleted meanwhile): nothing to record on, and the
            // numbering still works; the export and verify catch a counter that falls behind the mark.
        }
    }

    /// <summary>
    /// Records that an operator has checked the event's recorded resumption (asked the venue, re-entered what was
    /// lost): <c>verify</c> and the export stop failing on it. Only the resumption named by <paramref name="at"/> is
    /// acknowledged, so a later one is reported again. False when the event has no such resumption.
    /// </summary>
    public async Task<bool> AcknowledgeResumptionAsync(string eventId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt <= MaxCounterRaces; attempt++)
        {
            var counter = await Ready.RunAsync(ct => table.FindAsync(eventId, SubmissionRows.CounterKey, ct), cancellationToken);
            if (counter?.GetDateTimeOffset(ResumedAtProperty) is not { } resumedAt || resumedAt != at)
            {
                return false;
            }

            var acknowledged = CopyOf(counter, counter.GetInt64("Sequence") ?? 0);
            acknowledged[AcknowledgedAtProperty] = time.GetUtcNow();
            try
            {
                await table.UpdateEntityAsync(acknowledged, counter.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A sign-in moved the counter meanwhile: read it again.
                if (attempt == MaxCounterRaces)
                {
                    throw new EventBusyException(eventId, attempt, ex);
                }
            }
        }

        throw new UnreachableException();
    }

    /// <summary>
    /// The event's counter as the export reads it: the last number handed out, when the counter row was last written,
    /// and its resumption if one is recorded. Null when the counter is missing.
    /// </summary>
    public async Task<EventCounter?> GetCounterAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var counter = await Ready.RunAsync(ct => table.FindAsync(eventId, SubmissionRows.CounterKey, ct), cancellationToken);
        return counter is null ? null : new EventCounter(
            eventId, counter.GetInt64("Sequence") ?? 0, counter.Timestamp, ResumptionOf(counter), counter.GetInt64(SubmissionRows.ChangesProperty) ?? 0);
    }

    /// <summary>
    /// Moves the event's counter up to <paramref name="to"/> under its ETag, so the next sign-ins get numbers the
    /// export takes (a counter restored from an older copy sits below the export's mark). Returns the number it
    /// stood at, or null when it is missing or already at or past <paramref name="to"/>.
    /// </summary>
    public async Task<long?> RaiseCounterAsync(string eventId, long to, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt <= MaxCounterRaces; attempt++)
        {
            var counter = await Ready.RunAsync(ct => table.FindAsync(eventId, SubmissionRows.CounterKey, ct), cancellationToken);
            var sequence = counter?.GetInt64("Sequence") ?? 0;
            if (counter is null || sequence >= to)
            {
                return null;
            }

            try
            {
                await table.UpdateEntityAsync(CopyOf(counter, to), counter.ETag, TableUpdateMode.Replace, cancellationToken);
                LogCounterRaised(logger, eventId, sequence, to);
                return sequence;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A sign-in took a number meanwhile: read it again, it may still be behind.
                if (attempt == MaxCounterRaces)
                {
                    throw new EventBusyException(eventId, attempt, ex);
                }
            }
        }

        throw new UnreachableException();
    }

    /// <summary>When the submission numbered <paramref name="sequence"/> was received; null when the store does not hold it.</summary>
    public async Task<DateTimeOffset?> GetReceivedAtAsync(string eventId, long sequence, CancellationToken cancellationToken = default)
    {
        var row = await Ready.RunAsync(
            ct => table.GetEntityIfExistsAsync<TableEntity>(eventId, SubmissionRows.SequenceKey(sequence), select: ["ReceivedAt"], cancellationToken: ct), cancellationToken);
        return row.HasValue ? row.Value!.GetDateTimeOffset("ReceivedAt") : null;
    }

    /// <summary>
    /// The event's numbers up to <paramref name="upTo"/> whose submissions were received after
    /// <paramref name="after"/>, in order: below an export's mark these arrived after that export, so it cannot have
    /// taken them. Reads the partition's records up to that number: for an event found in that state, not routinely.
    /// </summary>
    public async Task<IReadOnlyList<long>> FindReceivedAfterAsync(string eventId, long upTo, DateTimeOffset after, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey ge {SubmissionRows.SequenceRange.From} and RowKey le {SubmissionRows.SequenceKey(upTo)} and ReceivedAt gt {after}");
        var found = new List<long>();
        await foreach (var entity in Ready.ReadAllAsync(ct => table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct), cancellationToken))
        {
            found.Add(SubmissionRows.ParseSequence(entity.RowKey));
        }

        found.Sort();
        return found;
    }

    /// <summary>
    /// Numbers after <paramref name="after"/> up to and including <paramref name="upTo"/> that were handed out but
    /// are not in the store, as ranges in order. Reads keys only. Empty when the store holds every one of them.
    /// </summary>
    public async Task<IReadOnlyList<SequenceGap>> FindGapsAsync(string eventId, long after, long upTo, CancellationToken cancellationToken = default)
    {
        var gaps = new List<SequenceGap>();
        var expected = after + 1;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey gt {SubmissionRows.SequenceKey(after)} and RowKey le {SubmissionRows.SequenceKey(upTo)}");
        await foreach (var entity in Ready.ReadAllAsync(ct => table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct), cancellationToken))
        {
            var sequence = SubmissionRows.ParseSequence(entity.RowKey);
            if (sequence > expected)
            {
                gaps.Add(new SequenceGap(eventId, expected, sequence - 1));
            }

            expected = sequence + 1;
        }

        if (expected <= upTo)
        {
            gaps.Add(new SequenceGap(eventId, expected, upTo));
        }

        return gaps;
    }

    /// <summary>When the event's counter was found missing and numbering resumed, where and when; null when it never was.</summary>
    public async Task<CounterResumption?> GetResumptionAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var counter = await Ready.RunAsync(ct => table.FindAsync(eventId, SubmissionRows.CounterKey, ct), cancellationToken);
        return counter is null ? null : ResumptionOf(counter);
    }

    private static CounterResumption? ResumptionOf(TableEntity counter) =>
        counter.GetInt64(ResumedAfterProperty) is { } after && counter.GetDateTimeOffset(ResumedAtProperty) is { } at
            ? new CounterResumption(counter.PartitionKey, after, at, counter.GetDateTimeOffset(AcknowledgedAtProperty))
            : null;

    /// <summary>
    /// The event's records numbered after <paramref name="after"/> up to and including <paramref name="upTo"/>, in
    /// order: live ones with their values, voided and erased ones as tombstones (<see cref="StoreRecord.Live"/> is null).
    /// </summary>
    public async IAsyncEnumerable<StoreRecord> ReadAsync(
        string eventId, long after, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey gt {SubmissionRows.SequenceKey(after)} and RowKey le {SubmissionRows.SequenceKey(upTo)}");
        await foreach (var entity in Ready.ReadAllAsync(ct => table.QueryAsync<TableEntity>(filter, cancellationToken: ct), cancellationToken))
        {
            yield return SubmissionRows.ReadStoreRecord(entity, regions);
        }
    }

    /// <summary>The record numbered <paramref name="sequence"/> as it is now; null when the store does not hold it.</summary>
    public async Task<StoreRecord?> ReadRecordAsync(string eventId, long sequence, CancellationToken cancellationToken = default)
    {
        var row = await Ready.RunAsync(ct => table.FindAsync(eventId, SubmissionRows.SequenceKey(sequence), ct), cancellationToken);
        return row is null ? null : SubmissionRows.ReadStoreRecord(row, regions);
    }

    /// <summary>The event's changes numbered after <paramref name="after"/> up to and including <paramref name="upTo"/>, in order.</summary>
    public async IAsyncEnumerable<AttendanceChange> ReadChangesAsync(
        string eventId, long after, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey gt {SubmissionRows.ChangeKey(after)} and RowKey le {SubmissionRows.ChangeKey(upTo)}");
        await foreach (var entity in Ready.ReadAllAsync(ct => table.QueryAsync<TableEntity>(filter, cancellationToken: ct), cancellationToken))
        {
            yield return SubmissionRows.ReadChange(entity);
        }
    }

    /// <summary>Live attendance of an event: distinct participants and attendances per session date.</summary>
    public async Task<EventAttendance> CountAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey ge {SubmissionRows.AttendanceRange.From} and RowKey lt {SubmissionRows.AttendanceRange.Until}");
        var participants = new HashSet<string>(StringComparer.Ordinal);
        var byDate = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var entity in Ready.ReadAllAsync(ct => table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct), cancellationToken))
        {
            var (sessionDate, participant) = SubmissionRows.ParseAttendance(entity.RowKey);
            participants.Add(participant);
            byDate[sessionDate] = byDate.GetValueOrDefault(sessionDate) + 1;
        }

        return new EventAttendance(participants.Count, byDate);
    }

    private const string ResumedAfterProperty = "ResumedAfter";
    private const string ResumedAtProperty = "ResumedAt";

    private const string AcknowledgedAtProperty = "ResumptionAcknowledgedAt";

    /// <summary>
    /// The counter's replacement at <paramref name="sequence"/>: a copy of <paramref name="counter"/> (what else it
    /// records kept), or a new counter when it is missing. Every writer of the counter builds it here.
    /// </summary>
    internal static TableEntity CounterAfter(string eventId, TableEntity? counter, long sequence) =>
        counter is null ? Counter(eventId, sequence) : CopyOf(counter, sequence);

    private static TableEntity Counter(string eventId, long sequence) => new(eventId, SubmissionRows.CounterKey) { ["Sequence"] = sequence };

    /// <summary>
    /// The counter at <paramref name="sequence"/>, keeping what else it records (a resumption and its acknowledgement,
    /// so `verify` can still name the event and the number where a loss may have happened; the number of changes; the
    /// event's version).
    /// </summary>
    internal static TableEntity CopyOf(TableEntity counter, long sequence)
    {
        var copy = Counter(counter.PartitionKey, sequence);
        foreach (var name in (string[])[ResumedAfterProperty, ResumedAtProperty, AcknowledgedAtProperty, SubmissionRows.ChangesProperty, SubmissionRows.EventVersionProperty])
        {
            if (counter.TryGetValue(name, out var value) && value is not null)
            {
                copy[name] = value;
            }
        }

        return copy;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Counter of event {EventId} moved under us; attempt {Attempt}")]
    private static partial void LogCounterRace(ILogger logger, string eventId, int attempt);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Counter of event {EventId} was missing (table or row deleted); numbering resumed after {Sequence}, the highest number stored or exported. Any submissions accepted after that number before the loss went with it: run verify")]
    private static partial void LogCounterResumed(ILogger logger, string eventId, long sequence);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Counter of event {EventId} stood at {Sequence}, below the export's mark {Mark} (restored from an older copy?); moved up to the mark so new sign-ins are exported")]
    private static partial void LogCounterRaised(ILogger logger, string eventId, long sequence, long mark);
}
