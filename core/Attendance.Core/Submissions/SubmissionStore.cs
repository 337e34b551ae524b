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
    TableServiceClient tables, IOptions<StoreOptions> options, RegionDirectory regions, IExportMark exportMark, TimeProvider time, ILogger<SubmissionStore> logger)
{
    /// <summary>Submissions per transaction: the counter plus three rows each stays within the 100-action limit.</summary>
    public const int SubmissionsPerTransaction = 33;

    private const int MaxCounterRaces = 50;

    // Serializes one event's writers inside this process, so concurrent requests queue instead of racing
    // on the counter's ETag; instances on other machines still race and retry.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> eventLocks = new(StringComparer.Ordinal);

    private readonly TableClient table = tables.GetTableClient(options.Value.SubmissionsTable);

    // The record that an event's numbering started lives on the event's row: outside this table, so it survives it.
    private readonly TableClient eventsTable = tables.GetTableClient(options.Value.EventsTable);
    private CreateOnce? ready;

    private CreateOnce Ready => ready ??= CreateOnce.Table(table);

    /// <summary>
    /// Reads one page of the table, for the health check: throws when storage does not answer; a table found gone
    /// is created again first, so the check reports what the next request will meet.
    /// </summary>
    public Task CheckAsync(CancellationToken cancellationToken = default) =>
        Ready.RunAsync(table.ReadOnePageAsync, cancellationToken);

    /// <summary>
    /// Stores submissions of one event, returning one receipt per submission in order. A submission that repeats
    /// a stored one, or an earlier one of the same call, gets a duplicate receipt with the original's id.
    /// </summary>
    public async Task<IReadOnlyList<SubmissionReceipt>> AppendAsync(IReadOnlyList<AttendanceSubmission> submissions, CancellationToken cancellationToken = default)
    {
        var receipts = new SubmissionReceipt?[submissions.Count];
        var plan = BatchDeduplication.Plan(submissions);
        foreach (var index in plan.Conflicts)
        {
            receipts[index] = new SubmissionReceipt(ReceiptStatus.Conflict, SubmissionRows.ScopedId(submissions[index].Source, submissions[index].SubmissionId!));
        }

        var pending = plan.ToStore.Select(index => Pending.Of(index, submissions[index])).ToList();

        foreach (var group in pending.GroupBy(p => p.Submission.EventId, StringComparer.Ordinal))
        {
            var gate = eventLocks.GetOrAdd(group.Key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                var start = new NumberingStart();
                foreach (var chunk in group.Chunk(SubmissionsPerTransaction))
                {
                    // A table deleted under the service is created again and the chunk written to it: nothing of a
                    // failed transaction was stored.
                    await Ready.RunAsync(ct => AppendChunkAsync(group.Key, [.. chunk], receipts, start, ct), cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }
        }

        foreach (var (index, original) in plan.Repeats)
        {
            // A repeat of an item that was itself refused is refused the same way.
            receipts[index] = receipts[original]!.Status == ReceiptStatus.Conflict
                ? receipts[original]
                : new SubmissionReceipt(ReceiptStatus.Duplicate, receipts[original]!.SubmissionId);
        }

        return receipts!;
    }

    private async Task AppendChunkAsync(
        string eventId, List<Pending> chunk, SubmissionReceipt?[] receipts, NumberingStart start, CancellationToken cancellationToken)
    {
        var races = 0;
        while (chunk.Count > 0)
        {
            var counter = await table.FindAsync(eventId, SubmissionRows.CounterKey, cancellationToken);
            var receivedAt = time.GetUtcNow();

            // Only a missing counter costs more reads: the hot path stays one point read and one transaction. A
            // missing counter of an event whose numbering never started is the normal first sign-in: it records the
            // start on the event's row (outside this table, so a lost table cannot take the record with it) and
            // numbers after what the partition holds, without loading the Delta table. Any other missing counter is
            // a resumption, recorded and logged even when nothing is left to resume above.
            var fresh = counter is null && (start.RecordedHere || !await NumberingStartedAsync(eventId, cancellationToken));
            if (fresh && !start.RecordedHere)
            {
                await RecordNumberingStartedAsync(eventId, cancellationToken);
                start.RecordedHere = true;
            }

            var last = counter is not null
                ? counter.GetInt64("Sequence") ?? 0
                : fresh ? await FindLastStoredAsync(eventId, cancellationToken) : await FindResumePointAsync(eventId, cancellationToken);

            // Rows that outlive their counter resume numbering even for an event with no record (written before
            // the record existed).
            var resumedNow = counter is null && (!fresh || last > 0);
            var next = counter is null ? Counter(eventId, last + chunk.Count) : CopyOf(counter, last + chunk.Count);
            if (resumedNow)
            {
                next[ResumedAfterProperty] = last;
                next[ResumedAtProperty] = receivedAt;
            }

            var actions = new List<TableTransactionAction>(1 + (3 * chunk.Count))
            {
                counter is null
                    ? new(TableTransactionActionType.Add, next)
                    : new(TableTransactionActionType.UpdateReplace, next, counter.ETag),
            };
            for (var i = 0; i < chunk.Count; i++)
            {
                var item = chunk[i];
                var sequence = last + 1 + i;
                actions.Add(new(TableTransactionActionType.Add, SubmissionRows.AttendanceRow(eventId, item.AttendanceKey, item.SubmissionId, sequence)));
                actions.Add(new(TableTransactionActionType.Add, SubmissionRows.IdRow(eventId, item.SubmissionId, item.AttendanceKey, sequence)));
                actions.Add(new(TableTransactionActionType.Add, SubmissionRows.Record(sequence, item.SubmissionId, receivedAt, item.Submission)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                if (resumedNow)
                {
                    LogCounterResumed(logger, eventId, last);
                }

                foreach (var item in chunk)
                {
                    receipts[item.Index] = new SubmissionReceipt(ReceiptStatus.Created, item.SubmissionId);
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Action 0 is the counter; action 1 + 3i.. 3 + 3i belong to chunk[i]. When the service does not
                // say which action failed, look for a stored original of every item.
                IEnumerable<Pending> suspects = ex.FailedTransactionActionIndex switch
                {
                    0 => [],
                    int index => [chunk[(index - 1) / 3]],
                    null => [.. chunk],
                };
                var resolved = new List<Pending>();
                foreach (var suspect in suspects)
                {
                    if (await TryRecordDuplicateAsync(suspect, receipts, cancellationToken))
                    {
                        resolved.Add(suspect);
                    }
                }

                if (resolved.Count > 0)
                {
                    chunk.RemoveAll(resolved.Contains);
                    continue;
                }

                // The counter moved (another instance committed first): read it again and renumber.
                if (++races > MaxCounterRaces)
                {
                    throw;
                }

                LogCounterRace(logger, eventId, races);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * races)), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Finds a stored original of <paramref name="item"/>; if there is one, records a duplicate receipt. When the
    /// item's id is stored for another attendance (another person or day), records a conflict instead: an id
    /// never swallows a different attendance.
    /// </summary>
    private async Task<bool> TryRecordDuplicateAsync(Pending item, SubmissionReceipt?[] receipts, CancellationToken cancellationToken)
    {
        var eventId = item.Submission.EventId;
        if (await table.FindAsync(eventId, SubmissionRows.IdKey(item.SubmissionId), cancellationToken) is { } idRow)
        {
            // A voided or erased submission sent again (a phone's queue, a retried batch) is the same submission:
            // it stays withdrawn, and the sender is told it was received.
            var same = SubmissionRows.StateOf(idRow) != RecordState.Live || idRow.GetString("AttendanceKey") == item.AttendanceKey;
            receipts[item.Index] = new SubmissionReceipt(same ? ReceiptStatus.Duplicate : ReceiptStatus.Conflict, item.SubmissionId);
            return true;
        }

        var original = (await table.FindAsync(eventId, item.AttendanceKey, cancellationToken))?.GetString("SubmissionId");
        if (original is null)
        {
            return false;
        }

        receipts[item.Index] = new SubmissionReceipt(ReceiptStatus.Duplicate, original);
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

    private static TableEntity Counter(string eventId, long sequence) => new(eventId, SubmissionRows.CounterKey) { ["Sequence"] = sequence };

    /// <summary>
    /// The counter at <paramref name="sequence"/>, keeping what else it records (a resumption and its acknowledgement,
    /// so `verify` can still name the event and the number where a loss may have happened; the number of changes).
    /// </summary>
    internal static TableEntity CopyOf(TableEntity counter, long sequence)
    {
        var copy = Counter(counter.PartitionKey, sequence);
        foreach (var name in (string[])[ResumedAfterProperty, ResumedAtProperty, AcknowledgedAtProperty, SubmissionRows.ChangesProperty])
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

    /// <summary>
    /// Whether this request recorded that the event's numbering started. Kept across the retries of one request (a
    /// lost race, a duplicate found, a table found missing and created again), which must not take the request's own
    /// record for a counter that went missing.
    /// </summary>
    private sealed class NumberingStart
    {
        public bool RecordedHere { get; set; }
    }

    private sealed record Pending(int Index, AttendanceSubmission Submission, string SubmissionId, string AttendanceKey)
    {
        // A submission without the client's id gets a new one: nothing can repeat it.
        public static Pending Of(int index, AttendanceSubmission submission) => new(index, submission,
            submission.SubmissionId is { } clientId ? SubmissionRows.ScopedId(submission.Source, clientId) : Guid.CreateVersion7().ToString(),
            SubmissionRows.AttendanceKey(submission.SessionDate, submission.Identity));
    }
}
