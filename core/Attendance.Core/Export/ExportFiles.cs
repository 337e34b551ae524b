using Attendance.Delta;
using Attendance.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Attendance.Export;

/// <summary>
/// What every exported table shares: the Delta actions around a commit, and removing files
/// that no commit references (left by a run that crashed before committing, or replaced by a later commit).
/// </summary>
public sealed class ExportFiles(BlobContainerClient container, TimeProvider time, TimeSpan? removedFileRetention = null)
{
    /// <summary>
    /// Files no commit references are deleted once older than this. No run takes as long, so a concurrent
    /// run's file that is about to be committed is never taken.
    /// </summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    /// <summary>
    /// Files removed from a table stay this long (<see cref="ExportOptions.RemovedFileRetention"/>, default 7 days,
    /// Delta's usual retention), so a reader that loaded an earlier version, such as a Power BI refresh under way,
    /// can still open them.
    /// </summary>
    public TimeSpan RemovedFileRetention { get; } = removedFileRetention ?? DeltaTableProperties.DefaultDeletedFileRetention;

    public BlobContainerClient Container => container;

    /// <summary>The Delta actions of this run's commits, on this run's clock and removed-file retention.</summary>
    public DeltaCommitBuilder Commits { get; } = new(time, removedFileRetention);

    /// <summary>A table of the container, aged by this export's clock.</summary>
    public DeltaTable Table(string path) => new(container, path, time);

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
