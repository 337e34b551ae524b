using Attendance.Delta;
using Attendance.Parquet;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Attendance.Export;

/// <summary>
/// What every exported table shares: writing Parquet, the Delta actions around a commit, and removing files
/// that no commit references (left by a run that crashed before committing, or replaced by a later commit).
/// </summary>
public sealed class ExportFiles(BlobContainerClient container, TimeProvider time)
{
    /// <summary>
    /// Files no commit references are deleted once older than this. No run takes as long, so a concurrent
    /// run's file that is about to be committed is never taken.
    /// </summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    /// <summary>
    /// Files removed from a table stay this long (Delta's usual retention), so a reader that loaded the previous
    /// version, such as a Power BI refresh under way, can still open them.
    /// </summary>
    public static readonly TimeSpan RemovedFileRetention = TimeSpan.FromDays(7);

    public const string ContentType = "application/vnd.apache.parquet";

    public BlobContainerClient Container => container;

    public DeltaTable Table(string path) => new(container, path);

    /// <summary>Writes <paramref name="rows"/> as one Parquet file to <paramref name="output"/>; returns the row count.</summary>
    public static async Task<long> WriteParquetAsync<TRow>(
        Stream output, ExportTable<TRow> definition, IAsyncEnumerable<TRow> rows, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        long count = 0;
        await using var writer = new ParquetFileWriter(output, definition.ParquetSchema, new ParquetWriterOptions());
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await definition.WriteRowAsync(writer, row, cancellationToken);
            if (++count % 10_000 == 0)
            {
                progress?.Report(new ExportProgress(definition.Path, "writing", count));
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return count;
    }

    /// <summary>The protocol and metadata actions a commit needs: both for a new table, metadata alone when the schema changed.</summary>
    /// <exception cref="NotSupportedException">Another engine upgraded the table beyond reader 1 / writer 2.</exception>
    public IReadOnlyList<DeltaAction> Header<TRow>(ExportTable<TRow> definition, DeltaSnapshot snapshot)
    {
        if (snapshot.Protocol is { MinReaderVersion: > 1 } or { MinWriterVersion: > 2 })
        {
            // Writing as writer 2 into a table that needs table features (deletion vectors, ...) would corrupt it.
            throw new NotSupportedException(
                $"The {definition.Path} table needs Delta reader {snapshot.Protocol.MinReaderVersion} / writer {snapshot.Protocol.MinWriterVersion}; this export writes reader 1 / writer 2 only.");
        }

        var actions = new List<DeltaAction>();
        if (snapshot.Protocol is null)
        {
            actions.Add(new DeltaAction { Protocol = new DeltaProtocol(1, 2) });
        }

        if (snapshot.Metadata?.SchemaString != definition.SchemaString)
        {
            actions.Add(new DeltaAction
            {
                MetaData = new DeltaMetadata(
                    snapshot.Metadata?.Id ?? Guid.NewGuid().ToString(),
                    definition.Path,
                    new DeltaFormat("parquet", new Dictionary<string, string>()),
                    definition.SchemaString,
                    [],
                    new Dictionary<string, string>(),
                    snapshot.Metadata?.CreatedTime ?? Now()),
            });
        }

        return actions;
    }

    public DeltaAction Add(string fileName, long size, long rows) => new()
    {
        Add = new DeltaAddFile(fileName, new Dictionary<string, string>(), size, Now(), DataChange: true, $"{{\"numRecords\":{rows}}}"),
    };

    public DeltaAction Remove(string fileName) => new() { Remove = new DeltaRemoveFile(fileName, Now(), DataChange: true) };

    public DeltaAction CommitInfo(string operation, string runId) => new()
    {
        CommitInfo = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["timestamp"] = Now(),
            ["operation"] = operation,
            ["engineInfo"] = ParquetWriterOptions.DefaultCreatedBy,
            ["txnId"] = runId,

            // Makes every attempt's commit unique, which DeltaTable.TryCommitAsync relies on to recognise its own.
            ["attemptId"] = Guid.NewGuid().ToString("N"),
        }),
    };

    /// <summary>
    /// Deletes data files of the table that the snapshot does not reference: files no commit ever added once older
    /// than <see cref="OrphanAge"/>, removed files once <see cref="RemovedFileRetention"/> has passed since their removal.
    /// </summary>
    public async Task<int> DeleteOrphansAsync(DeltaTable table, DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var prefix = table.Path + "/";
        var stale = new List<string>();
        var now = time.GetUtcNow();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            var relative = blob.Name[prefix.Length..];
            if (relative.StartsWith('_') || snapshot.Files.ContainsKey(relative))
            {
                continue;
            }

            var expired = snapshot.Tombstones.TryGetValue(relative, out var removedAt)
                ? DateTimeOffset.FromUnixTimeMilliseconds(removedAt) < now - RemovedFileRetention
                : blob.Properties.LastModified < now - OrphanAge;
            if (expired)
            {
                stale.Add(blob.Name);
            }
        }

        foreach (var name in stale)
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }

        return stale.Count;
    }

    public long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
