using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Attendance.Export;

/// <summary>
/// <c>attendance lake download DIR</c>: copies the three tables out of the export container into a folder, for an
/// analyst without Azure (DuckDB, pandas, Power BI's folder connector on the copy). Per table, the data files of its
/// latest version only (the live set, read from the Delta log, checkpoint included) and the log up to that version,
/// so a glob over <c>DIR/attendance/*.parquet</c> reads exactly the table: files the table has removed (a replaced
/// events file, the old files of a correction or an erasure) stay in the container until clean-up, but never reach
/// the copy. <c>_last_checkpoint</c> is left out (it may already name a later version); readers find the checkpoint
/// by listing. A folder that already holds a table is refused, so an earlier copy's files never mix with this one's.
/// </summary>
public sealed class LakeDownload(BlobServiceClient blobs, IOptions<ExportOptions> options, TimeProvider time)
{
    /// <summary>Copies every table that exists into <paramref name="directory"/>; returns what it copied per table.</summary>
    /// <exception cref="LakeFolderNotEmptyException">A table's folder under <paramref name="directory"/> already holds files.</exception>
    public async Task<IReadOnlyList<TableDownload>> DownloadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(directory);
        foreach (var path in ExportedTables.Paths)
        {
            var folder = Path.Combine(root, path);
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new LakeFolderNotEmptyException(folder);
            }
        }

        var container = blobs.GetBlobContainerClient(options.Value.Container);
        var results = new List<TableDownload>();
        await foreach (var (table, snapshot) in ExportedTables.LoadAsync(container, time, cancellationToken))
        {
            var logFiles = 0;
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = table.LogPrefix }, cancellationToken))
            {
                if (LogVersion(blob.Name) is { } version && version <= snapshot.Version)
                {
                    await CopyAsync(container, blob.Name, root, cancellationToken);
                    logFiles++;
                }
            }

            long bytes = 0;
            foreach (var (file, add) in snapshot.Files)
            {
                await CopyAsync(container, table.FileBlobName(file), root, cancellationToken);
                bytes += add.Size;
            }

            results.Add(new TableDownload(table.Path, snapshot.Version, snapshot.Files.Count, bytes, logFiles));
        }

        return results;
    }

    /// <summary>The version of a commit (<c>…/00000000000000000007.json</c>) or checkpoint file; null for anything else.</summary>
    private static long? LogVersion(string blobName)
    {
        var name = blobName[(blobName.LastIndexOf('/') + 1)..];
        var digits = name.Length >= 20 ? name[..20] : "";
        return (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".checkpoint.parquet", StringComparison.Ordinal))
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    private static async Task CopyAsync(BlobContainerClient container, string blobName, string root, CancellationToken cancellationToken)
    {
        // Names come from the table's own log; still, nothing is written outside the chosen folder.
        var target = Path.GetFullPath(Path.Combine(root, blobName.Replace('/', Path.DirectorySeparatorChar)));
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The blob '{blobName}' would be written outside {root}.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await container.GetBlobClient(blobName).DownloadToAsync(target, cancellationToken);
    }
}

/// <summary>What <see cref="LakeDownload"/> copied of one table: its version, its live files and their bytes, and its log files.</summary>
public sealed record TableDownload(string Table, long Version, int Files, long Bytes, int LogFiles);

/// <summary>A table's folder in the target already holds files (an earlier copy): the copy would mix two versions.</summary>
public sealed class LakeFolderNotEmptyException(string folder)
    : Exception($"attendance: {folder} already holds files: download into an empty folder (or delete that one first), so no file of an earlier copy is read with this one.")
{
    /// <summary>The table folder that is not empty.</summary>
    public string Folder { get; } = folder;
}
