using System.Runtime.CompilerServices;
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
/// A run reads each event's counter (one point read), and only the rows after the mark: cost follows new submissions.
/// Before it writes, it checks that the store holds every number between an event's mark and its counter (keys only).
/// An event whose numbers have a hole lost accepted submissions in storage: its mark does not move (moving it would
/// bury the hole for good), the run reports the event and the missing numbers, and the other events export as usual.
/// A counter that stands below the mark (a submissions table restored from an older copy) hands out numbers the export
/// has passed: the run names the event, moves the counter up to the mark under its ETag and names the numbers given
/// out below the mark since, which it cannot take. Recorded resumptions of a counter are reported with the run.
/// The table records the pseudonym key's fingerprint (<see cref="PseudonymKeyFingerprint"/>); a run with another key
/// refuses before it writes anything.
/// </summary>
public sealed class AttendanceExport(ExportContext files, SubmissionStore submissions, ExportTable<AttendanceRow> definition, byte[] pseudonymSecret, string runId)
{
    public const int MaxAttempts = 5;

    private readonly string fingerprint = PseudonymKeyFingerprint.Compute(pseudonymSecret);

    public static string AppId(string eventId) => "attendance:" + eventId;

    /// <summary>
    /// Appends every event's new submissions; returns the table's result, the numbers found lost (events left
    /// unexported), the counters found behind their mark and the counters' recorded resumptions.
    /// </summary>
    public async Task<AttendanceExportResult> RunAsync(
        IReadOnlyList<TrainingEvent> events, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var table = files.Table(definition.Path);

        // The run's cutoff: what each event had committed when the run began.
        var cutoff = new Dictionary<string, long>(StringComparer.Ordinal);
        var counters = new List<EventCounter>();
        foreach (var trainingEvent in events)
        {
            var counter = await submissions.GetCounterAsync(trainingEvent.Id, cancellationToken);
            cutoff[trainingEvent.Id] = counter?.Sequence ?? 0;
            if (counter is not null)
            {
                counters.Add(counter);
            }
        }

        var resumptions = counters.Select(c => c.Resumption).OfType<CounterResumption>().ToList();

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var snapshot = await table.LoadAsync(cancellationToken);
            PseudonymKeyFingerprint.EnsureMatches(snapshot, fingerprint);
            await files.Orphans.DeleteAsync(table, snapshot, cancellationToken);
            var behind = await FindCountersBehindAsync(counters, snapshot, cancellationToken);
            var ranges = new List<ExportRange>();
            var lost = new List<SequenceGap>();
            foreach (var range in cutoff
                .Select(c => new ExportRange(c.Key, snapshot.Transactions.GetValueOrDefault(AppId(c.Key)), c.Value))
                .Where(r => r.To > r.From))
            {
                var gaps = await submissions.FindGapsAsync(range.EventId, range.From, range.To, cancellationToken);
                if (gaps.Count == 0)
                {
                    ranges.Add(range);
                }
                else
                {
                    lost.AddRange(gaps);
                }
            }

            var header = files.Commits.Header(definition.Path, definition.SchemaString, snapshot, Properties);
            if (ranges.Count == 0 && header.Count == 0)
            {
                await FinishAsync(table, snapshot, cancellationToken);
                return new(new TableExportResult(definition.Path, snapshot.Version, Changed: false, 0, 0, 0, attempt), lost, behind, resumptions);
            }

            var actions = new List<DeltaAction> { files.Commits.CommitInfo("WRITE", runId) };
            actions.AddRange(header);
            string? fileName = null;
            long rows = 0;
            if (ranges.Count > 0)
            {
                fileName = $"part-{files.UtcNow:yyyyMMddTHHmmssZ}-{runId}-{attempt}.snappy.parquet";
                var (written, size) = await WriteFileAsync(table, fileName, ranges, progress, cancellationToken);
                rows = written.Rows;
                actions.Add(files.Commits.Add(fileName, size, DeltaFileStatistics.Json(definition.Columns, written)));
                actions.AddRange(ranges.Select(r => new DeltaAction { Txn = new DeltaTransaction(AppId(r.EventId), r.To, files.Now()) }));
            }

            progress?.Report(new ExportProgress(definition.Path, "committing", rows));
            if (await table.TryCommitAsync(snapshot.Version + 1, actions, cancellationToken))
            {
                snapshot.Apply(snapshot.Version + 1, actions);
                await FinishAsync(table, snapshot, cancellationToken);
                return new(new TableExportResult(definition.Path, snapshot.Version, Changed: true, rows, fileName is null ? 0 : 1, 0, attempt), lost, behind, resumptions);
            }

            // Another run committed this version first: our file holds rows it may have exported too.
            if (fileName is not null)
            {
                await files.Container.DeleteBlobIfExistsAsync(table.FileBlobName(fileName), cancellationToken: cancellationToken);
            }
        }

        throw new ExportConflictException($"The {definition.Path} table kept changing under the export; {MaxAttempts} attempts lost the race for its next version.");
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
    /// Writes the submissions of <paramref name="ranges"/> as one file, staged until complete; refuses (nothing committed)
    /// unless it read exactly as many rows as the ranges hold. Returns what was written and the file's size.
    /// </summary>
    internal async Task<(ParquetFileSummary File, long Size)> WriteFileAsync(
        DeltaTable table, string fileName, IReadOnlyList<ExportRange> ranges, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var blob = files.Container.OpenStagedWrite(table.FileBlobName(fileName), ParquetFileWriter.ContentType);
        var written = await ParquetFileWriter.WriteAsync(blob, definition, ReadAsync(ranges, cancellationToken), RowGroupLimits.Default, progress, cancellationToken);
        var expected = ranges.Sum(r => r.To - r.From);
        if (written.Rows != expected)
        {
            // Numbers are gapless by construction; a shortfall means the store is not what this code expects.
            throw new InvalidDataException($"Expected {expected} submissions in the ranges read but read {written.Rows}; nothing was committed.");
        }

        await blob.CommitAsync(cancellationToken);
        return (written, blob.Length);
    }

    private async IAsyncEnumerable<AttendanceRow> ReadAsync(IReadOnlyList<ExportRange> ranges, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var range in ranges)
        {
            await foreach (var record in submissions.ReadAsync(range.EventId, range.From, range.To, cancellationToken))
            {
                // A voided or erased record is a tombstone: nothing of it goes into the analytics.
                if (record.Live is { } stored)
                {
                    yield return AttendanceRow.For(stored, pseudonymSecret, fingerprint);
                }
            }
        }
    }

    /// <summary>What a run did to the attendance table and what it found wrong with the store's numbering.</summary>
    public sealed record AttendanceExportResult(
        TableExportResult Result, IReadOnlyList<SequenceGap> Lost, IReadOnlyList<CounterBehindMark> Behind, IReadOnlyList<CounterResumption> Resumptions);

    /// <summary>An event's submissions numbered after <paramref name="From"/> up to and including <paramref name="To"/>.</summary>
    internal sealed record ExportRange(string EventId, long From, long To);
}
