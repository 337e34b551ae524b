using System.Security.Cryptography;
using Attendance.Delta;
using Attendance.Storage;

namespace Attendance.Export;

/// <summary>
/// Keeps a small table (<c>events</c>, <c>regions</c>) equal to its source: one Parquet file whose name carries the
/// hash of its bytes. When the live file already has that hash nothing is written; otherwise one commit removes the
/// old file and adds the new. Every name is written once (PROTOCOL.md: data files must not be overwritten): the name
/// also carries the run and attempt, so content that comes back after a change (A, B, A) gets a new file rather
/// than the removed one's name, and a run that loses the commit race deletes its own file. The old blob stays for
/// <see cref="ExportOptions.RemovedFileRetention"/>, for readers of the previous version, and a later run deletes it.
/// </summary>
public sealed class SnapshotExport<TRow>(ExportContext context, ExportTable<TRow> definition, string runId)
{
    public async Task<TableExportResult> RunAsync(IReadOnlyList<TRow> rows, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var table = context.Table(definition.Path);
        using var content = new MemoryStream();
        var written = await ParquetFileWriter.WriteAsync(content, definition, rows.ToAsyncEnumerable(), RowGroupLimits.Default, progress, cancellationToken);
        var bytes = content.ToArray();
        var contentPrefix = $"{definition.Path}-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}";

        for (var attempt = 1; attempt <= AttendanceExport.MaxAttempts; attempt++)
        {
            var snapshot = await table.LoadAsync(cancellationToken);
            await context.Orphans.DeleteAsync(table, snapshot, cancellationToken);
            var header = context.Commits.Header(definition.Path, definition.SchemaString, snapshot, context.Commits.TableProperties());
            var unchanged = snapshot.Files.Count == 1 && IsContent(snapshot.Files.Keys.Single(), contentPrefix);
            if (header.Count == 0 && unchanged)
            {
                await TableMaintenance.RunAsync(context, table, snapshot, cancellationToken);
                return new TableExportResult(definition.Path, snapshot.Version, Changed: false, 0, 0, 0, attempt);
            }

            var actions = new List<DeltaAction> { context.Commits.CommitInfo("WRITE", runId) };
            actions.AddRange(header);
            List<string> replaced = [];
            string? fileName = null;
            if (!unchanged)
            {
                fileName = $"{contentPrefix}-{runId}-{attempt}.snappy.parquet";
                await using (var blob = context.Container.OpenStagedWrite(table.FileBlobName(fileName), ParquetFileWriter.ContentType))
                {
                    await blob.WriteAsync(bytes, cancellationToken);
                    await blob.CommitAsync(cancellationToken);
                }

                replaced = [.. snapshot.Files.Keys];
                actions.AddRange(snapshot.Files.Select(f => context.Commits.Remove(f.Key, f.Value)));
                actions.Add(context.Commits.Add(fileName, bytes.Length, DeltaFileStatistics.Json(definition.Columns, written)));
            }

            progress?.Report(new ExportProgress(definition.Path, "committing", rows.Count));
            if (await table.TryCommitAsync(snapshot.Version + 1, actions, cancellationToken))
            {
                snapshot.Apply(snapshot.Version + 1, actions);
                await TableMaintenance.RunAsync(context, table, snapshot, cancellationToken);
                return new TableExportResult(definition.Path, snapshot.Version, Changed: true, fileName is null ? 0 : rows.Count, fileName is null ? 0 : 1, replaced.Count, attempt);
            }

            // Another run committed this version first: our file was never part of the table.
            if (fileName is not null)
            {
                await context.Container.DeleteBlobIfExistsAsync(table.FileBlobName(fileName), cancellationToken: cancellationToken);
            }
        }

        throw new ExportConflictException($"The {definition.Path} table kept changing under the export; {AttendanceExport.MaxAttempts} attempts lost the race for its next version.");
    }

    /// <summary>Whether a live file holds these bytes: its name starts with the content's hash (also the older names, <c>{table}-{hash}.snappy.parquet</c>).</summary>
    private static bool IsContent(string livePath, string contentPrefix) =>
        livePath.StartsWith(contentPrefix + "-", StringComparison.Ordinal) || livePath == contentPrefix + ".snappy.parquet";
}
