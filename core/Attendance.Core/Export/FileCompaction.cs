using System.Runtime.CompilerServices;
using Attendance.Delta;
using Attendance.Storage;

namespace Attendance.Export;

/// <summary>
/// Keeps the <c>attendance</c> table at few files. The rule: when the table has more than
/// <see cref="MaxSmallFiles"/> live files smaller than <see cref="SmallFileBytes"/>, those files are rewritten into
/// as few files as <see cref="TargetInputBytes"/> allows (row groups bounded by the export's
/// <see cref="RowGroupLimits"/>), in ONE create-only commit: a <c>remove</c> of each old file and an <c>add</c> of
/// each new one, both with <c>dataChange: false</c>, and no <c>txn</c> (the marks do not move: the same rows stay).
/// The commit races like any other: if another writer takes the version first, this attempt deletes its files and
/// the next run tries again, so no row is ever in two live files. A compacted file grows at each compaction until it
/// passes <see cref="SmallFileBytes"/> and is left alone; a nightly table so holds at most 16 small files plus
/// files of 32 MiB or more.
/// </summary>
public sealed class FileCompaction<TRow>(ExportContext context, ExportTable<TRow> definition, string runId)
{
    /// <summary>A live file under this size counts as small: 32 MiB.</summary>
    public const long SmallFileBytes = 32L * 1024 * 1024;

    /// <summary>Compaction starts when more than this many live files are small: 16.</summary>
    public const int MaxSmallFiles = 16;

    /// <summary>At most this many bytes of input files go into one output file: 256 MiB.</summary>
    public const long TargetInputBytes = 256L * 1024 * 1024;

    /// <summary>Whether the rule asks for a compaction of <paramref name="snapshot"/>.</summary>
    public static bool IsDue(DeltaSnapshot snapshot) => SmallFiles(snapshot).Count > MaxSmallFiles;

    /// <summary>The live files under <see cref="SmallFileBytes"/>, oldest first.</summary>
    private static List<DeltaAddFile> SmallFiles(DeltaSnapshot snapshot) =>
        [.. snapshot.Files.Values.Where(f => f.Size < SmallFileBytes).OrderBy(f => f.ModificationTime).ThenBy(f => f.Path, StringComparer.Ordinal)];

    /// <summary>
    /// Compacts when due; returns the number of files compacted (0 when not due or when another writer won the
    /// version). <paramref name="snapshot"/> is the table's latest version as this run knows it and is moved to the
    /// compaction's version when it commits.
    /// </summary>
    public async Task<int> RunIfDueAsync(DeltaTable table, DeltaSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var small = SmallFiles(snapshot);
        if (small.Count <= MaxSmallFiles)
        {
            return 0;
        }

        var batches = new List<List<DeltaAddFile>> { new() };
        long batchBytes = 0;
        foreach (var file in small)
        {
            if (batches[^1].Count > 0 && batchBytes + file.Size > TargetInputBytes)
            {
                batches.Add([]);
                batchBytes = 0;
            }

            batches[^1].Add(file);
            batchBytes += file.Size;
        }

        var stored = StoredRowTable.From(definition);
        var actions = new List<DeltaAction> { context.Commits.CommitInfo("OPTIMIZE", runId) };
        var written = new List<string>();
        try
        {
            for (var i = 0; i < batches.Count; i++)
            {
                var fileName = $"part-{context.UtcNow:yyyyMMddTHHmmssZ}-{runId}-compacted-{i}.snappy.parquet";
                written.Add(fileName);
                await using var blob = context.Container.OpenStagedWrite(table.FileBlobName(fileName), ParquetFileWriter.ContentType);
                var file = await ParquetFileWriter.WriteAsync(blob, stored, ReadAsync(table, batches[i], cancellationToken), RowGroupLimits.Default, progress: null, cancellationToken);
                await blob.CommitAsync(cancellationToken);
                actions.Add(context.Commits.Add(fileName, blob.Length, DeltaFileStatistics.Json(stored.Columns, file), dataChange: false));
            }
        }
        catch
        {
            await DeleteAsync(table, written, CancellationToken.None);
            throw;
        }

        actions.AddRange(small.Select(f => context.Commits.Remove(Uri.UnescapeDataString(f.Path), f, dataChange: false)));
        if (await table.TryCommitAsync(snapshot.Version + 1, actions, cancellationToken))
        {
            snapshot.Apply(snapshot.Version + 1, actions);
            return small.Count;
        }

        // Another writer took the version: our files hold rows that stay live in the old files.
        await DeleteAsync(table, written, cancellationToken);
        return 0;
    }

    private async Task DeleteAsync(DeltaTable table, List<string> fileNames, CancellationToken cancellationToken)
    {
        foreach (var name in fileNames)
        {
            await context.Container.DeleteBlobIfExistsAsync(table.FileBlobName(name), cancellationToken: cancellationToken);
        }
    }

    /// <summary>The rows of the files, in order (<see cref="StoredRows"/>).</summary>
    private async IAsyncEnumerable<object?[]> ReadAsync(DeltaTable table, List<DeltaAddFile> inputs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            await foreach (var row in StoredRows.ReadAsync(context.Container, table, Uri.UnescapeDataString(input.Path), definition.Columns, cancellationToken))
            {
                yield return row;
            }
        }
    }
}
