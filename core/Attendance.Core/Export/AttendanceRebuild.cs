using Attendance.Delta;
using Attendance.Events;
using Attendance.Submissions;

namespace Attendance.Export;

/// <summary>
/// A deliberate change of the pseudonym key: rewrites the whole <c>attendance</c> table from the store under the
/// configured key, in ONE create-only commit that removes every live file, adds the new one, sets every event's marks
/// to the counter read at the start of the attempt (numbers and changes: the records are read as they are now, so
/// every change counted is in them; voided and erased records are left out) and records the new key's fingerprint. Readers see the old table
/// or the new one, never a mix of keys. A racing writer (an export under the old key) that commits first makes this
/// attempt lose: its file is deleted and the rebuild starts again from the new log, so every submission is in the
/// rebuilt table exactly once. After the commit, exports with the old key refuse. Removed files stay for
/// <see cref="ExportOptions.RemovedFileRetention"/> like any other.
/// </summary>
public sealed class AttendanceRebuild(ExportContext context, SubmissionStore submissions, ExportTable<AttendanceRow> definition, byte[] pseudonymSecret, string runId)
{
    // The rebuild writes and checks its file as the nightly export does, only from each event's first submission.
    private readonly AttendanceExport export = new(context, submissions, definition, pseudonymSecret, runId);

    public async Task<TableExportResult> RunAsync(IReadOnlyList<TrainingEvent> events, IProgress<ExportProgress>? progress, CancellationToken cancellationToken = default)
    {
        var table = context.Table(definition.Path);
        for (var attempt = 1; attempt <= AttendanceExport.MaxAttempts; attempt++)
        {
            var snapshot = await table.LoadAsync(cancellationToken);
            var ranges = new List<AttendanceExport.ExportRange>();
            var changes = new List<(string EventId, long Changes)>();
            foreach (var trainingEvent in events)
            {
                // Changes first: a change counted here is in the records read after it.
                changes.Add((trainingEvent.Id, (await submissions.GetCounterAsync(trainingEvent.Id, cancellationToken))?.Changes ?? 0));
                ranges.Add(new(trainingEvent.Id, 0, await submissions.GetLastSequenceAsync(trainingEvent.Id, cancellationToken)));
            }

            var actions = new List<DeltaAction> { context.Commits.CommitInfo("REPLACE TABLE", runId) };
            actions.AddRange(context.Commits.Header(definition.Path, definition.SchemaString, snapshot, export.Properties));
            actions.AddRange(snapshot.Files.Select(f => context.Commits.Remove(f.Key, f.Value)));

            var fileName = $"part-{context.UtcNow:yyyyMMddTHHmmssZ}-{runId}-rebuild-{attempt}.snappy.parquet";
            var file = await export.WriteFileAsync(table, fileName, ranges, progress, cancellationToken);
            var rows = file?.File.Rows ?? 0;
            if (file is { } written)
            {
                actions.Add(context.Commits.Add(fileName, written.Size, DeltaFileStatistics.Json(definition.Columns, written.File)));
            }

            // Every event's mark, also where it stays 0, so no mark from the old table survives the rebuild.
            actions.AddRange(ranges.Select(r => new DeltaAction { Txn = new DeltaTransaction(AttendanceExport.AppId(r.EventId), r.To, context.Now()) }));
            actions.AddRange(changes.Select(c => new DeltaAction { Txn = new DeltaTransaction(AttendanceExport.ChangesAppId(c.EventId), c.Changes, context.Now()) }));
            progress?.Report(new ExportProgress(definition.Path, "committing", rows));
            if (await table.TryCommitAsync(snapshot.Version + 1, actions, cancellationToken))
            {
                snapshot.Apply(snapshot.Version + 1, actions);
                await TableMaintenance.RunAsync(context, table, snapshot, cancellationToken);
                return new TableExportResult(definition.Path, snapshot.Version, Changed: true, rows, file is null ? 0 : 1, actions.Count(a => a.Remove is not null), attempt);
            }

            await context.Container.DeleteBlobIfExistsAsync(table.FileBlobName(fileName), cancellationToken: cancellationToken);
        }

        throw new ExportConflictException($"The {definition.Path} table kept changing under the rebuild; {AttendanceExport.MaxAttempts} attempts lost the race for its next version.");
    }
}
