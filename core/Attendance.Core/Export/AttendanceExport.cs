using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Attendance.Delta;
using Attendance.Events;
using Attendance.Storage;
using Attendance.Submissions;

namespace Attendance.Export;

/// <summary>
/// Appends new attendance to the <c>attendance</c> Delta table, exactly once. Each event's submissions are
/// numbered without gaps by the store; the table's log records, per event, the last number exported (a
/// <c>txn</c> action with appId <c>attendance:{eventId}</c>) in the same commit that adds the file holding
/// those rows. So a commit either adds rows and moves the mark together, or does neither:
/// <list type="bullet">
/// <item>a run that crashes before its commit leaves only an unreferenced file (deleted later) and the next run redoes the work;</item>
/// <item>two overlapping runs race for the same log version; the loser deletes its file, re-reads the log and exports only what is left;</item>
/// <item>a late submission for an old event gets the next number of that event and goes out with the next run.</item>
/// </list>
/// A run reads the counter of each event it is given (one point read; <see cref="ExportRunner"/> gives only the events
/// the index of changed events marks, or every event on a full pass, see <see cref="ChangedEvents"/>), and only the rows
/// after the mark: cost follows new submissions.
/// Before it writes, it checks that the store holds every number between an event's mark and its counter (keys only).
/// An event whose numbers have a hole lost accepted submissions in storage: its mark does not move (moving it would
/// bury the hole for good), the run reports the event and the missing numbers, and the other events export as usual.
/// A counter that stands below the mark (a submissions table restored from an older copy) hands out numbers the export
/// has passed: the run names the event, moves the counter up to the mark under its ETag and names the numbers given
/// out below the mark since, which it cannot take. Recorded resumptions of a counter are reported with the run.
/// The table records the pseudonym key's fingerprint (<see cref="PseudonymKeyFingerprint"/>); a run with another key
/// refuses before it writes anything.
/// <para>
/// Changes after the fact (corrections, voids, erasures) are applied copy-on-write with a second mark per event, the
/// number of changes applied (<see cref="PendingChanges"/>). The store keeps a changed record's number (a voided or
/// erased one as a tombstone), so appends count every number and write only live records. For the changes past the
/// change mark whose record is at or below the attendance mark (already in the table), the files holding those
/// submissions are rewritten from the records' current state (<see cref="AttendanceFileRewrite"/>); changes to
/// records above the mark need nothing more, as the append reads the current state. The <c>remove</c> of each
/// rewritten file, the <c>add</c> of its replacement, the appended file and both marks go into the one commit, so a
/// change is applied exactly once: a crash before the commit leaves only unreferenced files, a lost race starts again
/// from the winner's log, and re-applying a change ("make the row equal the record now") changes nothing.
/// </para>
/// </summary>
public sealed class AttendanceExport(ExportContext files, SubmissionStore submissions, ExportTable<AttendanceRow> definition, byte[] pseudonymSecret, string runId)
{
    public const int MaxAttempts = 5;

    private readonly string fingerprint = PseudonymKeyFingerprint.Compute(pseudonymSecret);
    private readonly AttendanceFileRewrite rewriter = new(files, definition, runId);

    /// <summary>The <c>txn</c> appId of an event's attendance mark (the last number exported).</summary>
    public static string AppId(string eventId) => "attendance:" + eventId;

    /// <summary>The <c>txn</c> appId of an event's change mark (the last change applied), see <see cref="PendingChanges"/>.</summary>
    public static string ChangesAppId(string eventId) => PendingChanges.AppId(eventId);

    /// <summary>
    /// Appends every event's new submissions; returns the table's result, the numbers found lost (events left
    /// unexported), the counters found behind their mark and the counters' recorded resumptions.
    /// </summary>
    /// <param name="events">The events whose counters are read.</param>
    /// <param name="progress">Told of each file written.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="loaded">
    /// The table's log as the caller just loaded it, for the first attempt; a commit another run made since fails
    /// that attempt (the log's next version already exists) and the next loads the log again.
    /// </param>
    public async Task<AttendanceExportResult> RunAsync(
        IReadOnlyList<TrainingEvent> events, IProgress<ExportProgress>? progress, CancellationToken cancellationToken, DeltaSnapshot? loaded = null)
    {
        var table = files.Table(definition.Path);

        // The run's cutoff: what each event had committed when the run began, numbers and changes.
        // Point reads, independent of each other: several at once, so their round trips overlap.
        var read = new EventCounter?[events.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, events.Count), new ParallelOptions { MaxDegreeOfParallelism = ConcurrentCounterReads, CancellationToken = cancellationToken },
            async (i, ct) => read[i] = await submissions.GetCounterAsync(events[i].Id, ct));
        var cutoff = new Dictionary<string, long>(StringComparer.Ordinal);
        var counters = new List<EventCounter>();
        for (var i = 0; i < events.Count; i++)
        {
            cutoff[events[i].Id] = read[i]?.Sequence ?? 0;
            if (read[i] is { } counter)
            {
                counters.Add(counter);
            }
        }

        var resumptions = counters.Select(c => c.Resumption).OfType<CounterResumption>().ToList();

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var snapshot = attempt == 1 && loaded is not null ? loaded : await table.LoadAsync(cancellationToken);
            PseudonymKeyFingerprint.EnsureMatches(snapshot, fingerprint);
            await files.Orphans.DeleteAsync(table, snapshot, cancellationToken);
            var behind = await FindCountersBehindAsync(counters, snapshot, cancellationToken);
            // Every number in a range is checked as the file is written (the read takes them in order); only when
            // one is missing are the ranges checked by their keys first, and the events that lost numbers left out.
            var ranges = cutoff
                .Select(c => new ExportRange(c.Key, snapshot.Transactions.GetValueOrDefault(AppId(c.Key)), c.Value))
                .Where(r => r.To > r.From)
                .ToList();
            var lost = new List<SequenceGap>();

            var (pending, changesBehind) = await PendingChanges.ReadAsync(submissions, counters, snapshot, cancellationToken);
            AttendanceExportResult Result(TableExportResult result, long changesApplied = 0) => new(result, lost, behind, resumptions)
            {
                ChangesBehind = changesBehind,
                Counters = counters,
                TableId = snapshot.Metadata?.Id,
                ChangesApplied = changesApplied,
            };

            var header = files.Commits.Header(definition.Path, definition.SchemaString, snapshot, Properties);
            if (ranges.Count == 0 && header.Count == 0 && pending.Count == 0)
            {
                await FinishAsync(table, snapshot, cancellationToken);
                return Result(new TableExportResult(definition.Path, snapshot.Version, Changed: false, 0, 0, 0, attempt));
            }

            var (replacements, heldBack) = await ReplacementsAsync(pending, snapshot, cancellationToken);
            lost.AddRange(heldBack);
            var rewrite = await rewriter.WriteAsync(table, snapshot, replacements, attempt, cancellationToken);
            var actions = new List<DeltaAction> { files.Commits.CommitInfo(rewrite.Actions.Count > 0 ? "MERGE" : "WRITE", runId) };
            actions.AddRange(header);
            actions.AddRange(rewrite.Actions);
            string? fileName = null;
            long rows = 0;
            if (ranges.Count > 0)
            {
                fileName = $"part-{files.UtcNow:yyyyMMddTHHmmssZ}-{runId}-{attempt}.snappy.parquet";
                try
                {
                    (ParquetFileSummary File, long Size)? written;
                    try
                    {
                        written = await WriteFileAsync(table, fileName, ranges, progress, cancellationToken);
                    }
                    catch (NumberMissingException)
                    {
                        // Nothing of the staged file was committed: write it again without the events that lost numbers.
                        (ranges, var gaps) = await SplitByGapsAsync(ranges, cancellationToken);
                        lost.AddRange(gaps);
                        written = ranges.Count == 0 ? null : await WriteFileAsync(table, fileName, ranges, progress, cancellationToken);
                    }

                    if (written is { } file)
                    {
                        rows = file.File.Rows;
                        actions.Add(files.Commits.Add(fileName, file.Size, DeltaFileStatistics.Json(definition.Columns, file.File)));
                    }
                    else
                    {
                        // Every record of the ranges was withdrawn before it was exported: the marks move, no file.
                        fileName = null;
                    }
                }
                catch
                {
                    await rewriter.DeleteAsync(table, rewrite.FilesWritten, CancellationToken.None);
                    throw;
                }

                actions.AddRange(ranges.Select(r => new DeltaAction { Txn = new DeltaTransaction(AppId(r.EventId), r.To, files.Now()) }));
            }

            var applied = pending.Where(p => !heldBack.Any(g => g.EventId == p.EventId)).ToList();
            actions.AddRange(applied.Select(p => new DeltaAction { Txn = new DeltaTransaction(PendingChanges.AppId(p.EventId), p.To, files.Now()) }));

            if (actions.Count == 1)
            {
                // Only changes held back by a record the store lost: nothing to commit.
                await FinishAsync(table, snapshot, cancellationToken);
                return Result(new TableExportResult(definition.Path, snapshot.Version, Changed: false, 0, 0, 0, attempt));
            }

            progress?.Report(new ExportProgress(definition.Path, "committing", rows));
            if (await table.TryCommitAsync(snapshot.Version + 1, actions, cancellationToken))
            {
                snapshot.Apply(snapshot.Version + 1, actions);
                await FinishAsync(table, snapshot, cancellationToken);
                var added = (fileName is null ? 0 : 1) + rewrite.FilesWritten.Count;
                return Result(
                    new TableExportResult(definition.Path, snapshot.Version, Changed: true, rows, added, rewrite.FilesRemoved, attempt),
                    applied.Sum(p => p.Changes.Count));
            }

            // Another run committed this version first: our files hold rows it may have exported or rewritten too.
            if (fileName is not null)
            {
                await files.Container.DeleteBlobIfExistsAsync(table.FileBlobName(fileName), cancellationToken: cancellationToken);
            }

            await rewriter.DeleteAsync(table, rewrite.FilesWritten, cancellationToken);
        }

        throw new ExportConflictException($"The {definition.Path} table kept changing under the export; {MaxAttempts} attempts lost the race for its next version.");
    }

    /// <summary>The ranges whose every number the store holds (keys only), and the numbers missing from the others.</summary>
    private async Task<(List<ExportRange> Whole, List<SequenceGap> Gaps)> SplitByGapsAsync(IReadOnlyList<ExportRange> ranges, CancellationToken cancellationToken)
    {
        var whole = new List<ExportRange>();
        var lost = new List<SequenceGap>();
        foreach (var range in ranges)
        {
            var gaps = await submissions.FindGapsAsync(range.EventId, range.From, range.To, cancellationToken);
            if (gaps.Count == 0)
            {
                whole.Add(range);
            }
            else
            {
                lost.AddRange(gaps);
            }
        }

        return (whole, lost);
    }

    /// <summary>
    /// Events whose counter is below their mark, or at it but written after the mark was set (behind the mark, then
    /// caught up with it by sign-ins the export cannot take). Such counters are moved up to the mark; the numbers at
    /// or below the mark received after it was set are named. An ordinary counter costs nothing more here.
    /// </summary>
    private async Task<List<CounterBehindMark>> FindCountersBehindAsync(
        IReadOnlyList<EventCounter> counters, DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var behind = new List<CounterBehindMark>();
        foreach (var counter in counters)
        {
            var mark = snapshot.Transactions.GetValueOrDefault(AppId(counter.EventId));
            if (mark == 0)
            {
                continue;
            }

            // When the mark was committed; the rows it covers were all received before that (the run reads its
            // cutoff before it commits). Without a time the check cannot tell old rows from new ones.
            var markedAt = snapshot.TransactionActions.GetValueOrDefault(AppId(counter.EventId))?.LastUpdated is { } ms
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : (DateTimeOffset?)null;
            if (counter.Sequence > mark)
            {
                // Past the mark, the ordinary case: only a number at the mark received after the mark was set (a
                // restored counter that sign-ins carried past the mark) needs a look. One point read per event with
                // new submissions.
                if (markedAt is null || await submissions.GetReceivedAtAsync(counter.EventId, mark, cancellationToken) is not { } receivedAt || receivedAt <= markedAt)
                {
                    continue;
                }
            }
            else if (counter.Sequence == mark && (markedAt is null || counter.WrittenAt is not { } written || written <= markedAt))
            {
                // The ordinary state after an export with no sign-in since.
                continue;
            }

            var notExportable = markedAt is { } since
                ? await submissions.FindReceivedAfterAsync(counter.EventId, mark, since, cancellationToken)
                : [];
            if (counter.Sequence < mark)
            {
                await submissions.RaiseCounterAsync(counter.EventId, mark, cancellationToken);
            }

            if (counter.Sequence < mark || notExportable.Count > 0)
            {
                behind.Add(new CounterBehindMark(counter.EventId, counter.Sequence, mark, notExportable));
            }
        }

        return behind;
    }

    /// <summary>
    /// The rows the pending changes make: for each changed record at or below its event's attendance mark (in the
    /// table already), its current state as a row, or null when it is withdrawn. Records above the mark are left to the
    /// append, which reads them as they are now. A changed record the store no longer holds is named as lost and holds
    /// its event's change mark back (its row stays as it is until the record is restored).
    /// </summary>
    private async Task<(Dictionary<(string EventId, string SubmissionId), object?[]?> Rows, List<SequenceGap> HeldBack)> ReplacementsAsync(
        IReadOnlyList<EventChanges> pending, DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(string, string), object?[]?>();
        var heldBack = new List<SequenceGap>();
        foreach (var changes in pending)
        {
            var mark = snapshot.Transactions.GetValueOrDefault(AppId(changes.EventId));
            foreach (var sequence in changes.Changes.Select(c => c.Sequence).Where(s => s <= mark).Distinct().Order())
            {
                var record = await submissions.ReadRecordAsync(changes.EventId, sequence, cancellationToken);
                if (record is null)
                {
                    heldBack.Add(new SequenceGap(changes.EventId, sequence, sequence));
                    continue;
                }

                rows[(changes.EventId, record.SubmissionId)] = record.Live is { } live
                    ? rewriter.Row(AttendanceRow.For(live, pseudonymSecret, fingerprint))
                    : null;
            }
        }

        return (rows, heldBack);
    }

    /// <summary>
    /// After the run's commit (or none): compacts small files when the rule asks (<see cref="FileCompaction{TRow}"/>),
    /// then writes a due checkpoint and cleans the log, so the checkpoint already holds the compacted files.
    /// </summary>
    private async Task FinishAsync(DeltaTable table, DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        await new FileCompaction<AttendanceRow>(files, definition, runId).RunIfDueAsync(table, snapshot, cancellationToken);
        await TableMaintenance.RunAsync(files, table, snapshot, cancellationToken);
    }

    /// <summary>The attendance table's properties: the shared ones and the pseudonym key's fingerprint.</summary>
    internal IReadOnlyDictionary<string, string> Properties =>
        files.Commits.TableProperties(new Dictionary<string, string> { [PseudonymKeyFingerprint.PropertyName] = fingerprint });

    /// <summary>
    /// Writes the live records of <paramref name="ranges"/> as one file, staged until complete; refuses (nothing
    /// committed) unless it read exactly as many records as the ranges hold, withdrawn ones (tombstones, not written)
    /// included, so a voided record is never taken for a lost one. Returns what was written and the file's size, or
    /// null (no file) when every record read was withdrawn.
    /// </summary>
    internal async Task<(ParquetFileSummary File, long Size)?> WriteFileAsync(
        DeltaTable table, string fileName, IReadOnlyList<ExportRange> ranges, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var read = new RecordCount();
        await using var blob = files.Container.OpenStagedWrite(table.FileBlobName(fileName), ParquetFileWriter.ContentType);
        var written = await ParquetFileWriter.WriteAsync(blob, definition, ReadAsync(ranges, read, cancellationToken), RowGroupLimits.Default, progress, cancellationToken);
        var expected = ranges.Sum(r => r.To - r.From);
        if (read.Records != expected)
        {
            // Numbers are gapless by construction; a shortfall means the store is not what this code expects.
            throw new InvalidDataException($"Expected {expected} submissions in the ranges read but read {read.Records}; nothing was committed.");
        }

        if (written.Rows == 0)
        {
            // Nothing staged is committed: no blob appears.
            return null;
        }

        await blob.CommitAsync(cancellationToken);
        return (written, blob.Length);
    }

    /// <summary>
    /// The live rows of <paramref name="ranges"/>, in order. The store is read by a task of its own into a bounded
    /// queue (<see cref="ReadAheadRecords"/> records), so storage serves the next page while this side makes rows and
    /// the writer encodes them. Every number of a range must come, in order: a missing one stops the write with
    /// <see cref="NumberMissingException"/> before anything is committed.
    /// </summary>
    private async IAsyncEnumerable<AttendanceRow> ReadAsync(IReadOnlyList<ExportRange> ranges, RecordCount read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<StoreRecord>(new BoundedChannelOptions(ReadAheadRecords) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadRangesAsync(ranges, queue.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var record in queue.Reader.ReadAllAsync(cancellationToken))
            {
                read.Records++;

                // A voided or erased record is a tombstone: nothing of it goes into the analytics.
                if (record.Live is { } stored)
                {
                    yield return AttendanceRow.For(stored, pseudonymSecret, fingerprint);
                }
            }

            // Rethrows what stopped the reader (a missing number, a storage failure).
            await reader;
        }
        finally
        {
            // The writer stopped early (a failure on its side): stop the reader too and let it finish.
            // Its failure, if any, reached this side through the queue.
            await stop.CancelAsync();
            await Task.WhenAny(reader);
            _ = reader.Exception;
        }
    }

    /// <summary>Counters read at once at the start of a run.</summary>
    private const int ConcurrentCounterReads = 8;

    /// <summary>Records read ahead of the writer: two pages of the service's 1,000.</summary>
    private const int ReadAheadRecords = 2_000;

    private async Task ReadRangesAsync(IReadOnlyList<ExportRange> ranges, ChannelWriter<StoreRecord> queue, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var range in ranges)
            {
                var expected = range.From + 1;
                await foreach (var record in submissions.ReadAsync(range.EventId, range.From, range.To, cancellationToken))
                {
                    if (record.Sequence != expected)
                    {
                        throw new NumberMissingException();
                    }

                    expected++;
                    await queue.WriteAsync(record, cancellationToken);
                }

                if (expected != range.To + 1)
                {
                    throw new NumberMissingException();
                }
            }

            queue.Complete();
        }
        catch (Exception ex)
        {
            queue.Complete(ex);
            throw;
        }
    }

    /// <summary>A range read without one of its numbers: the store lost a submission (see <see cref="SplitByGapsAsync"/>).</summary>
    private sealed class NumberMissingException() : Exception("A number of the ranges read is missing from the store.");

    /// <summary>How many records a write read, withdrawn ones included.</summary>
    private sealed class RecordCount
    {
        public long Records { get; set; }
    }

    /// <summary>What a run did to the attendance table and what it found wrong with the store's numbering.</summary>
    public sealed record AttendanceExportResult(
        TableExportResult Result, IReadOnlyList<SequenceGap> Lost, IReadOnlyList<CounterBehindMark> Behind, IReadOnlyList<CounterResumption> Resumptions)
    {
        /// <summary>Events whose counter had fewer changes than the export applied (a change log lost with its table).</summary>
        public IReadOnlyList<ChangesBehindMark> ChangesBehind { get; init; } = [];

        /// <summary>How many changes (corrections, voids, erasures) the run's commit applied.</summary>
        public long ChangesApplied { get; init; }

        /// <summary>The counters the run read, as they stood when it began: how far it took each of those events.</summary>
        public IReadOnlyList<EventCounter> Counters { get; init; } = [];

        /// <summary>The attendance table's <c>metaData</c> id after the run (null while it has none), naming the table the run wrote.</summary>
        public string? TableId { get; init; }
    }

    /// <summary>An event's submissions numbered after <paramref name="From"/> up to and including <paramref name="To"/>.</summary>
    internal sealed record ExportRange(string EventId, long From, long To);
}
