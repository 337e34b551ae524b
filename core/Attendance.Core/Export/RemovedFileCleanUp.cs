using Attendance.Delta;
using Attendance.Storage;
using Azure;
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
/// refresh that loaded such a version while the clean-up ran fails and has to be run again.
/// </summary>
public sealed class RemovedFileCleanUp(BlobServiceClient blobs, IOptions<ExportOptions> options, TimeProvider time)
{
    /// <summary>The tables cleaned, in the order an export writes them.</summary>
    public static IReadOnlyList<string> Tables { get; } = [AnalyticsTables.AttendancePath, AnalyticsTables.EventsPath, AnalyticsTables.RegionsPath];

    /// <summary>
    /// Cleans every table that exists; <paramref name="immediately"/> deletes removed files regardless of the
    /// retention. Returns, per table, the version read and the number of files deleted.
    /// </summary>
    public async Task<IReadOnlyList<TableCleanUp>> RunAsync(bool immediately, CancellationToken cancellationToken = default)
    {
        var container = blobs.GetBlobContainerClient(options.Value.Container);
        var orphans = new OrphanFiles(container, time, immediately ? TimeSpan.Zero : options.Value.RemovedFileRetention);
        var results = new List<TableCleanUp>();
        foreach (var path in Tables)
        {
            var table = new DeltaTable(container, path, time);
            DeltaSnapshot snapshot;
            try
            {
                snapshot = await table.LoadAsync(cancellationToken);
            }
            catch (RequestFailedException ex) when (CreateOnce.IsMissing(ex))
            {
                // No export container: nothing was ever exported.
                return results;
            }

            if (snapshot.Version < 0)
            {
                continue;
            }

            var deleted = await orphans.DeleteAsync(table, snapshot, cancellationToken);
            results.Add(new TableCleanUp(path, snapshot.Version, deleted, snapshot.Files.Count));
        }

        return results;
    }
}

/// <summary>What <see cref="RemovedFileCleanUp"/> did to one table: the version it read, files deleted, live files kept.</summary>
public sealed record TableCleanUp(string Table, long Version, int FilesDeleted, int LiveFiles);
