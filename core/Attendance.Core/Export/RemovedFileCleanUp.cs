using Attendance.Events;
using Attendance.Submissions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Attendance.Export;

/// <summary>
/// <c>attendance clean-up</c>: deletes the data files of the three tables that their latest version no longer
/// references, as every export run does before its commit (<see cref="OrphanFiles"/>). Ordinarily a removed file
/// stays for <see cref="ExportOptions.RemovedFileRetention"/>, for readers of an earlier version; <c>immediately</c>
/// deletes every removed file now, whatever the retention, so that after an erasure (the export has rewritten the
/// files without the person's rows) no file in storage holds them. Files a version in progress may still commit
/// (written by a run in the last <see cref="OrphanFiles.OrphanAge"/> and referenced by no commit) are never taken.
/// What it costs: versions of the table before the removal can no longer be read (time travel), and a Power BI
/// refresh that loaded such a version while the clean-up ran fails and has to be run again. It also names the events
/// with changes the export has not applied yet (one counter read per event): their old rows are still in live files,
/// which no clean-up deletes, so an erasure needs <c>attendance export</c> first.
/// </summary>
public sealed class RemovedFileCleanUp(BlobServiceClient blobs, IOptions<ExportOptions> options, EventStore events, SubmissionStore submissions, TimeProvider time)
{
    /// <summary>
    /// Cleans every table that exists; <paramref name="immediately"/> deletes removed files regardless of the
    /// retention. Returns, per table, the version read and the number of files deleted, and the changes not exported yet.
    /// </summary>
    public async Task<CleanUpResult> RunAsync(bool immediately, CancellationToken cancellationToken = default)
    {
        var pending = new Dictionary<string, long>(StringComparer.Ordinal);
        var container = blobs.GetBlobContainerClient(options.Value.Container);
        var orphans = new OrphanFiles(container, time, immediately ? TimeSpan.Zero : options.Value.RemovedFileRetention);
        var results = new List<TableCleanUp>();
        await foreach (var (table, snapshot) in ExportedTables.LoadAsync(container, time, cancellationToken))
        {
            if (table.Path == AnalyticsTables.AttendancePath)
            {
                await foreach (var trainingEvent in events.ListAsync(cancellationToken))
                {
                    var changes = (await submissions.GetCounterAsync(trainingEvent.Id, cancellationToken))?.Changes ?? 0;
                    var applied = snapshot.Transactions.GetValueOrDefault(AttendanceExport.ChangesAppId(trainingEvent.Id));
                    if (changes > applied)
                    {
                        pending[trainingEvent.Id] = changes - applied;
                    }
                }
            }

            var deleted = await orphans.DeleteAsync(table, snapshot, cancellationToken);
            results.Add(new TableCleanUp(table.Path, snapshot.Version, deleted, snapshot.Files.Count));
        }

        return new CleanUpResult(results, pending);
    }
}

/// <summary>
/// What <see cref="RemovedFileCleanUp"/> did, per table, and per event the changes (corrections, voids, erasures) the
/// export has not applied yet, whose old rows are still live.
/// </summary>
public sealed record CleanUpResult(IReadOnlyList<TableCleanUp> Tables, IReadOnlyDictionary<string, long> PendingChanges);

/// <summary>What <see cref="RemovedFileCleanUp"/> did to one table: the version it read, files deleted, live files kept.</summary>
public sealed record TableCleanUp(string Table, long Version, int FilesDeleted, int LiveFiles);
