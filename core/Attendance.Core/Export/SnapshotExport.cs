using Azure.Storage.Blobs.Models;
using System.Security.Cryptography;
using Attendance.Delta;

namespace Attendance.Export;

/// <summary>
/// Keeps a small table (<c>events</c>, <c>regions</c>) equal to its source: one Parquet file named by the hash
/// of its bytes. When the live file already has that name nothing is written; otherwise one commit removes the
/// old file and adds the new. The old blob stays for <see cref="ExportOptions.RemovedFileRetention"/>, for readers of
/// the previous version, and a later run deletes it.
/// </summary>
public sealed class SnapshotExport<TRow>(ExportFiles files, ExportTable<TRow> definition, string runId)
{
    public async Task<TableExportResult> RunAsync(IReadOnlyList<TRow> rows, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var table = files.Table(definition.Path);
        using var content = new MemoryStream();
        await ExportFiles.WriteParquetAsync(content, definition, rows.ToAsyncEnumerable(), files.RowGroups, progress, cancellationToken);
        var bytes = content.ToArray();
        var fileName = $"{definition.Path}-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}.snappy.parquet";

        for (var attempt = 1; attempt <= AttendanceExport.MaxAttempts; attempt++)
        {
            var snapshot = await table.LoadAsync(cancellationToken);
            await files.DeleteOrphansAsync(table, snapshot, cancellationToken);
            var header = files.Header(definition, snapshot, files.TableProperties());
            if (header.Count == 0 && snapshot.Files.Count == 1 && snapshot.Files.ContainsKey(fileName))
            {
                await TableMaintenance.RunAsync(files, table, snapshot, cancellationToken);
                return new TableExportResult(definition.Path, snapshot.Version, Changed: false, 0, 0, 0, attempt);
            }

            // The name is the content's hash, so a concurrent run writing the same name writes the same bytes.
            await files.Container.GetBlobClient(table.FileBlobName(fileName)).UploadAsync(
                BinaryData.FromBytes(bytes), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ExportFiles.ContentType } }, cancellationToken);
            var replaced = snapshot.Files.Keys.Where(path => path != fileName).ToList();
            var actions = new List<DeltaAction> { files.CommitInfo("WRITE", runId) };
            actions.AddRange(header);
            actions.AddRange(replaced.Select(files.Remove));
            if (!snapshot.Files.ContainsKey(fileName))
            {
                actions.Add(files.Add(fileName, bytes.Length, rows.Count));
            }

            progress?.Report(new ExportProgress(definition.Path, "committing", rows.Count));
            if (await table.TryCommitAsync(snapshot.Version + 1, actions, cancellationToken))
            {
                snapshot.Apply(snapshot.Version + 1, actions);
                await TableMaintenance.RunAsync(files, table, snapshot, cancellationToken);
                return new TableExportResult(definition.Path, snapshot.Version, Changed: true, rows.Count, 1, replaced.Count, attempt);
            }
        }

        throw new ExportConflictException($"The {definition.Path} table kept changing under the export; {AttendanceExport.MaxAttempts} attempts lost the race for its next version.");
    }
}
