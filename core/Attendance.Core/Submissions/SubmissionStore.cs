using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
/// export has passed is never handed out again.
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
        var pending = new List<Pending>();
        var firstByKey = new Dictionary<string, Pending>(StringComparer.Ordinal);
        var repeats = new List<(int Index, Pending Original)>();
        foreach (var (submission, index) in submissions.Select((s, i) => (s, i)))
        {
            var item = new Pending(index, submission,
                submission.SubmissionId is { } clientId ? SubmissionRows.ScopedId(submission.Source, clientId) : Guid.CreateVersion7().ToString(),
                SubmissionRows.AttendanceKey(submission.SessionDate, submission.Identity));
            // Keys are unique per event partition, as in the store: the same id or person at two events is no repeat.
            var attendanceKey = $"{submission.EventId}\n{item.AttendanceKey}";
            var idKey = $"{submission.EventId}\n{SubmissionRows.IdKey(item.SubmissionId)}";
            if (submission.SubmissionId is not null && firstByKey.TryGetValue(idKey, out var sameId) && sameId.AttendanceKey != item.AttendanceKey)
            {
                // The same id for another attendance earlier in this call: that one keeps the id, this one is refused.
                receipts[index] = new SubmissionReceipt(ReceiptStatus.Conflict, item.SubmissionId);
                continue;
            }

            if (firstByKey.TryGetValue(attendanceKey, out var original)
                || (submission.SubmissionId is not null && firstByKey.TryGetValue(idKey, out original)))
            {
                repeats.Add((index, original));
                continue;
            }

            firstByKey[attendanceKey] = item;
            firstByKey[idKey] = item;
            pending.Add(item);
        }

        foreach (var group in pending.GroupBy(p => p.Submission.EventId, StringComparer.Ordinal))
        {
            var gate = eventLocks.GetOrAdd(group.Key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                foreach (var chunk in group.Chunk(SubmissionsPerTransaction))
                {
                    // A table deleted under the service is created again and the chunk written to it: nothing of a
                    // failed transaction was stored.
                    await Ready.RunAsync(ct => AppendChunkAsync(group.Key, [.. chunk], receipts, ct), cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }
        }

        foreach (var (index, original) in repeats)
        {
            // A repeat of an item that was itself refused is refused the same way.
            receipts[index] = receipts[original.Index]!.Status == ReceiptStatus.Conflict
                ? receipts[original.Index]
                : new SubmissionReceipt(ReceiptStatus.Duplicate, receipts[original.Index]!.SubmissionId);
        }

        return receipts!;
    }

    private async Task AppendChunkAsync(string eventId, List<Pending> chunk, SubmissionReceipt?[] receipts, CancellationToken cancellationToken)
    {
        var races = 0;
        while (chunk.Count > 0)
        {
            var counter = await table.FindAsync(eventId, SubmissionRows.CounterKey, cancellationToken);
            var receivedAt = time.GetUtcNow();

            // Only a missing counter costs more reads: the hot path stays one point read and one transaction.
            var last = counter is null ? await FindResumePointAsync(eventId, cancellationToken) : counter.GetInt64("Sequence") ?? 0;
            var next = Counter(eventId, last + chunk.Count);
            if (counter is null && last > 0)
            {
                next[ResumedAfterProperty] = last;
                next[ResumedAtProperty] = receivedAt;
            }
            else if (counter?.GetInt64(ResumedAfterProperty) is { } resumedAfter)
            {
                // Kept on the counter so `verify` can name the event and the number where a loss may have happened.
                next[ResumedAfterProperty] = resumedAfter;
                next[ResumedAtProperty] = counter.GetDateTimeOffset(ResumedAtProperty);
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
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(eventId, item.AttendanceKey)
                {
                    ["SubmissionId"] = item.SubmissionId,
                    ["Sequence"] = sequence,
                }));
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(eventId, SubmissionRows.IdKey(item.SubmissionId))
                {
                    ["AttendanceKey"] = item.AttendanceKey,
                    ["Sequence"] = sequence,
                }));
                actions.Add(new(TableTransactionActionType.Add, SubmissionRows.Record(sequence, item.SubmissionId, receivedAt, item.Submission)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                if (counter is null && last > 0)
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
            var same = idRow.GetString("AttendanceKey") == item.AttendanceKey;
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
    /// holds nothing while the analytics already hold numbers up to the mark.
    /// </summary>
    private async Task<long> FindResumePointAsync(string eventId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey gt {SubmissionRows.SequencePrefix} and RowKey lt {SubmissionRows.SequenceEnd}");
        long stored = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            stored = Math.Max(stored, SubmissionRows.SequenceOf(entity.RowKey));
        }

        return Math.Max(stored, await exportMark.GetAsync(eventId, cancellationToken));
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
            var sequence = SubmissionRows.SequenceOf(entity.RowKey);
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
        return counter?.GetInt64(ResumedAfterProperty) is { } after && counter.GetDateTimeOffset(ResumedAtProperty) is { } at
            ? new CounterResumption(eventId, after, at)
            : null;
    }

    /// <summary>The event's submissions numbered after <paramref name="after"/> up to and including <paramref name="upTo"/>, in order.</summary>
    public async IAsyncEnumerable<StoredSubmission> ReadAsync(
        string eventId, long after, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey gt {SubmissionRows.SequenceKey(after)} and RowKey le {SubmissionRows.SequenceKey(upTo)}");
        await foreach (var entity in Ready.ReadAllAsync(ct => table.QueryAsync<TableEntity>(filter, cancellationToken: ct), cancellationToken))
        {
            yield return SubmissionRows.ReadRecord(entity, regions);
        }
    }

    /// <summary>Live attendance of an event: distinct participants and attendances per session date.</summary>
    public async Task<EventAttendance> CountAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {eventId} and RowKey ge {SubmissionRows.AttendancePrefix} and RowKey lt {"a}"}");
        var participants = new HashSet<string>(StringComparer.Ordinal);
        var byDate = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var entity in Ready.ReadAllAsync(ct => table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct), cancellationToken))
        {
            var parts = entity.RowKey.Split('|');
            participants.Add(parts[2]);
            byDate[parts[1]] = byDate.GetValueOrDefault(parts[1]) + 1;
        }

        return new EventAttendance(participants.Count, byDate);
    }

    private const string ResumedAfterProperty = "ResumedAfter";
    private const string ResumedAtProperty = "ResumedAt";

    private static TableEntity Counter(string eventId, long sequence) => new(eventId, SubmissionRows.CounterKey) { ["Sequence"] = sequence };

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Counter of event {EventId} moved under us; attempt {Attempt}")]
    private static partial void LogCounterRace(ILogger logger, string eventId, int attempt);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Counter of event {EventId} was missing (table or row deleted); numbering resumed after {Sequence}, the highest number stored or exported. Any submissions accepted after that number before the loss went with it: run verify")]
    private static partial void LogCounterResumed(ILogger logger, string eventId, long sequence);

    private sealed record Pending(int Index, AttendanceSubmission Submission, string SubmissionId, string AttendanceKey);
}
