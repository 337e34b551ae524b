using Attendance.Events;
using Attendance.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Attendance.Submissions;

// Group commit: how sign-ins become transactions.
public sealed partial class SubmissionStore
{
    /// <summary>
    /// Stores submissions of one event, returning one receipt per submission in order. A submission that repeats
    /// a stored one, or an earlier one of the same call, gets a duplicate receipt with the original's id. Sign-ins
    /// to one event from concurrent calls in this process share transactions; each call still gets its own receipts.
    /// Cancelling a call stops its wait, not the transaction its submissions joined (others share it): a submission
    /// already queued may still be stored, as one whose answer was lost on the way back would be.
    /// </summary>
    /// <param name="submissions">The valid submissions.</param>
    /// <param name="rememberedVersions">
    /// For each submission checked against the copy of its event this process remembers (<see cref="CheckedEvent"/>),
    /// that copy's version, else null: it is stored only if that is still the event's version when it commits. A
    /// submission whose event changed meanwhile gets no receipt (null): nothing of it was stored; check it again.
    /// </param>
    /// <param name="cancellationToken">Stops this call's wait.</param>
    public async Task<IReadOnlyList<SubmissionReceipt?>> AppendAsync(
        IReadOnlyList<AttendanceSubmission> submissions, IReadOnlyList<string?>? rememberedVersions = null, CancellationToken cancellationToken = default)
    {
        var receipts = new SubmissionReceipt?[submissions.Count];
        var plan = BatchDeduplication.Plan(submissions);
        foreach (var index in plan.Conflicts)
        {
            receipts[index] = new SubmissionReceipt(ReceiptStatus.Conflict, SubmissionRows.ScopedId(submissions[index].Source, submissions[index].SubmissionId!));
        }

        var pending = plan.ToStore
            .Select(index => PendingSubmission.Of(index, submissions[index], rememberedVersions?[index]))
            .ToList();
        foreach (var group in pending.GroupBy(p => p.Submission.EventId, StringComparer.Ordinal))
        {
            var queue = QueueOf(group.Key);
            if (queue.Enqueue(group))
            {
                // The drainer belongs to no request: it keeps going for the others when the one that started it leaves.
                _ = Task.Run(() => DrainAsync(group.Key, queue), CancellationToken.None);
            }
        }

        foreach (var item in pending)
        {
            receipts[item.Index] = await item.Receipt.WaitAsync(cancellationToken);
        }

        foreach (var (index, original) in plan.Repeats)
        {
            // A repeat of an item that was itself refused, or is to be checked again, is answered the same way.
            receipts[index] = receipts[original] is not { Status: not ReceiptStatus.Conflict } answered
                ? receipts[original]
                : new SubmissionReceipt(ReceiptStatus.Duplicate, answered.SubmissionId);
        }

        return receipts;
    }

    /// <summary>Commits the event's waiting submissions, a transaction at a time, until none waits.</summary>
    private async Task DrainAsync(string eventId, EventQueue queue)
    {
        for (var batch = queue.TakeBatch(SubmissionsPerTransaction); batch.Count > 0; batch = queue.TakeBatch(SubmissionsPerTransaction))
        {
            var start = new NumberingStart();
            try
            {
                // A table deleted under the service is created again and the batch written to it: nothing of a
                // failed transaction was stored.
                await Ready.RunAsync(ct => CommitAsync(eventId, queue, batch, start, ct), CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Storage down, or the event kept busy by other instances: these requests get the error (503 with
                // Retry-After); the next batch starts afresh.
                foreach (var item in batch)
                {
                    item.Fail(ex);
                }
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="batch"/> in one transaction with the event's counter, numbering it after the counter.
    /// Submissions found stored meanwhile are answered and taken out (<paramref name="batch"/> shrinks), and the rest
    /// retried; a counter moved by another writer is read again and the rest renumbered. Submissions checked against
    /// the remembered event go only under a counter carrying the version they were checked against: when the event
    /// changed, they are answered with no receipt, to be checked again.
    /// </summary>
    private async Task CommitAsync(string eventId, EventQueue queue, List<PendingSubmission> batch, NumberingStart start, CancellationToken cancellationToken)
    {
        var races = 0;
        var contended = false;
        while (batch.Count > 0)
        {
            // The counter this process committed last saves the read; correctness never rests on it: the
            // transaction replaces the counter under that ETag, so a stale one fails it and the counter is read.
            var cached = queue.TakeCounter();
            var counter = cached ?? await ReadCounterAsync(eventId, queue, cancellationToken);

            // The event's version: the counter carries it. A counter not yet created has only the version row, which
            // the transaction that creates it rewrites under its ETag, so a save begun since fails it.
            var versionRow = counter is null ? await table.FindAsync(eventId, SubmissionRows.EventVersionKey, cancellationToken) : null;
            var version = (counter ?? versionRow)?.GetString(SubmissionRows.EventVersionProperty);
            var changed = batch.FindAll(item => item.CheckedVersion is { } v && v != version);
            foreach (var item in changed)
            {
                item.Recheck();
            }

            batch.RemoveAll(changed.Contains);
            if (batch.Count == 0)
            {
                if (counter is not null && !contended)
                {
                    queue.KeepCounter(counter);
                }

                return;
            }

            var receivedAt = time.GetUtcNow();

            // Only a missing counter costs more reads. A missing counter of an event whose numbering never started is
            // the normal first sign-in: it records the start on the event's row (outside this table, so a lost table
            // cannot take the record with it) and numbers after what the partition holds, without loading the Delta
            // table. Any other missing counter is a resumption, recorded and logged even when nothing is left to
            // resume above.
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
            var next = CounterAfter(eventId, counter, last + batch.Count);
            if (resumedNow)
            {
                next[ResumedAfterProperty] = last;
                next[ResumedAtProperty] = receivedAt;
            }

            // The event's marker in the index of changed events first, unless the counter says it is there
            // (ChangedEvents); a kept counter carries the flag, so the common case writes nothing more.
            await changedEvents.ListAsync(eventId, counter, cancellationToken);
            ChangedEvents.SetListed(next);

            // A new counter takes the version from the version row, which goes in to prove it current; an existing
            // counter, replaced under its ETag, proves by itself that no save of the event began since it was read.
            var proof = versionRow is { } row && version is not null ? row : null;
            if (proof is not null)
            {
                next[SubmissionRows.EventVersionProperty] = version;
            }

            var firstRow = proof is null ? 1 : 2;
            try
            {
                var answers = await table.SubmitTransactionAsync(Transaction(counter, next, proof, last, batch, receivedAt), cancellationToken);
                if (resumedNow)
                {
                    LogCounterResumed(logger, eventId, last);
                }

                // Kept only after a transaction that met no other writer: where instances take turns on one event,
                // a kept ETag would be stale every time and cost a failed transaction more than the read it saves.
                if (!contended && answers.Value[0].Headers.ETag is { } etag)
                {
                    next.ETag = etag;
                    queue.KeepCounter(next);
                }

                queue.KnownVersion = next.GetString(SubmissionRows.EventVersionProperty);

                foreach (var item in batch)
                {
                    item.Answer(new SubmissionReceipt(ReceiptStatus.Created, item.SubmissionId));
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (cached is not null && ex.FailedTransactionActionIndex == 0 && ex.Status is 404 or 412)
            {
                // The kept counter was stale (another writer moved it, or it is gone): read it now and go again.
                contended = true;
                LogCounterRace(logger, eventId, races);
            }
            catch (TableTransactionFailedException ex) when (proof is not null && ex.FailedTransactionActionIndex == 1 && ex.Status is 404 or 412)
            {
                // The version row moved: a save of the event began. The counter is read again (created meanwhile, or
                // not), and submissions checked against the old copy are checked again.
                if (++races > MaxCounterRaces)
                {
                    throw new EventBusyException(eventId, races, ex);
                }

                LogCounterRace(logger, eventId, races);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                contended = true;

                // Action 0 is the counter, action 1 the version row when a new counter takes its version; actions
                // firstRow + RowsPerSubmission * i onwards belong to batch[i]. When the service does not say which
                // action failed, look for a stored original of every item.
                IEnumerable<PendingSubmission> suspects = ex.FailedTransactionActionIndex switch
                {
                    null => [.. batch],
                    int index when index < firstRow => [],
                    int index => [batch[(index - firstRow) / RowsPerSubmission]],
                };
                var resolved = new List<PendingSubmission>();
                foreach (var suspect in suspects)
                {
                    if (await TryRecordDuplicateAsync(suspect, cancellationToken))
                    {
                        resolved.Add(suspect);
                    }
                }

                if (resolved.Count > 0)
                {
                    // The others of the transaction did nothing wrong: they go again without the answered ones.
                    batch.RemoveAll(resolved.Contains);
                    continue;
                }

                // The counter moved (another instance committed first): read it again and renumber, a little later
                // each time, and give up (503 with Retry-After) rather than keep a request waiting for ever.
                if (++races > MaxCounterRaces)
                {
                    throw new EventBusyException(eventId, races, ex);
                }

                LogCounterRace(logger, eventId, races);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * races)), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The transaction that stores <paramref name="batch"/> numbered after <paramref name="last"/>: the counter first
    /// (added when missing, else replaced under the ETag it was read with), then the event's version row rewritten
    /// under its ETag when <paramref name="proof"/> is given (a new counter taking its version), then each submission's rows.
    /// </summary>
    private static List<TableTransactionAction> Transaction(
        TableEntity? counter, TableEntity next, TableEntity? proof, long last, List<PendingSubmission> batch, DateTimeOffset receivedAt)
    {
        var actions = new List<TableTransactionAction>(2 + (RowsPerSubmission * batch.Count))
        {
            counter is null
                ? new(TableTransactionActionType.Add, next)
                : new(TableTransactionActionType.UpdateReplace, next, counter.ETag),
        };
        if (proof is not null)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, VersionRow(next.PartitionKey, proof), proof.ETag));
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            var eventId = item.Submission.EventId;
            var sequence = last + 1 + i;
            actions.Add(new(TableTransactionActionType.Add, SubmissionRows.AttendanceRow(eventId, item.AttendanceKey, item.SubmissionId, sequence)));
            actions.Add(new(TableTransactionActionType.Add, SubmissionRows.IdRow(eventId, item.SubmissionId, item.AttendanceKey, sequence)));
            actions.Add(new(TableTransactionActionType.Add, SubmissionRows.Record(sequence, item.SubmissionId, receivedAt, item.Submission)));
        }

        return actions;
    }

    /// <summary>The event's version row as <paramref name="read"/> holds it, to be written again unchanged.</summary>
    private static TableEntity VersionRow(string eventId, TableEntity read) =>
        new(eventId, SubmissionRows.EventVersionKey) { [SubmissionRows.EventVersionProperty] = read.GetString(SubmissionRows.EventVersionProperty) };
}
