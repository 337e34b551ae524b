using System.Runtime.CompilerServices;
using Attendance.Delta;
using Attendance.Events;
using Attendance.Storage;
using Attendance.Submissions;

namespace Attendance.Export;

/// <summary>
/// A deliberate change of the pseudonym key: rewrites the whole <c>attendance</c> table from the store under the
/// configured key, in ONE create-only commit that removes every live file, adds the new one, sets every event's mark
/// to the counter read at the start of the attempt and records the new key's fingerprint. Readers see the old table
/// or the new one, never a mix of keys. A racing writer (an export under the old key) that commits first makes this
/// attempt lose: its file is deleted and the rebuild starts again from the new log, so every submission is in the
/// rebuilt table exactly once. After the commit, exports with the old key refuse. Removed files stay for
/// <see cref="ExportOptions.RemovedFileRetention"/> like any other.
/// </summary>
public sealed class AttendanceRebuild(ExportFiles files, SubmissionStore submissions, ExportTable<AttendanceRow> definition, byte[] pseudonymSecret, string runId)
{
    private readonly string fingerprint = PseudonymKeyFingerprint.Compute(pseudonymSecret);

    public async Task<TableExportResult> RunAsync(IReadOnlyList<TrainingEvent> events, IProgress<ExportProgress>? progress, CancellationToken cancellationToken = default)
    {
        var table = files.Table(definition.Path);
        for (var attempt = 1; attempt <= AttendanceExport.MaxAttempts; attempt++)
        {
            var snapshot = await table.LoadAsync(cancellationToken);
            var marks = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var trainingEvent in events)
            {
                marks[trainingEvent.Id] = await submissions.GetLastSequenceAsync(trainingEvent.Id, cancellationToken);
            }

            var properties = files.TableProperties(new Dictionary<string, string> { [PseudonymKeyFingerprint.PropertyName] = fingerprint });
            var actions = new List<DeltaAction> { files.CommitInfo("REPLACE TABLE", runId) };
            actions.AddRange(files.Header(definition, snapshot, properties));
            actions.AddRange(snapshot.Files.Keys.Select(files.Remove));

            var fileName = $"part-{files.UtcNow:yyyyMMddTHHmmssZ}-{runId}-rebuild-{attempt}.snappy.parquet";
            await using (var blob = files.Container.OpenStagedWrite(table.FileBlobName(fileName), ExportFiles.ContentType))
            {
                var rows = await ExportFiles.WriteParquetAsync(blob, definition, ReadAsync(marks, cancellationToken), files.RowGroups, progress, cancellationToken);
                if (rows != marks.Values.Sum())
                {
                    throw new InvalidDataException($"Expected {marks.Values.Sum()} submissions up to the counters but read {rows}; nothing was committed.");
                }

                await blob.CommitAsync(cancellationToken);
                actions.Add(files.Add(fileName, blob.Length, rows));
            }

            // Every event's mark, also where it stays 0, so no mark from the old table survives the rebuild.
            actions.AddRange(marks.Select(m => new DeltaAction { Txn = new DeltaTransaction(AttendanceExport.AppId(m.Key), m.Value, files.Now()) }));
            progress?.Report(new ExportProgress(definition.Path, "committing", marks.Values.Sum()));
            if (await table.TryCommitAsync(snapshot.Version + 1, actions, cancellationToken))
            {
                snapshot.Apply(snapshot.Version + 1, actions);
                await TableMaintenance.RunAsync(files, table, snapshot, cancellationToken);
                return new TableExportResult(definition.Path, snapshot.Version, Changed: true, marks.Values.Sum(), 1, actions.Count(a => a.Remove is not null), attempt);
            }

            await files.Container.DeleteBlobIfExistsAsync(table.FileBlobName(fileName), cancellationToken: cancellationToken);
        }

        throw new ExportConflictException($"The {definition.Path} table kept changing under the rebuild; {AttendanceExport.MaxAttempts} attempts lost the race for its next version.");
    }

    private async IAsyncEnumerable<AttendanceRow> ReadAsync(Dictionary<string, long> marks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (eventId, mark) in marks)
        {
            await foreach (var stored in submissions.ReadAsync(eventId, 0, mark, cancellationToken))
            {
                yield return new AttendanceRow(stored, stored.Submission.Identity.PseudonymKey(pseudonymSecret));
            }
        }
    }
}
