using Attendance.Delta;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Attendance.Export;

/// <summary>
/// Deletes a table's data files that no commit references: left by a run that crashed before committing, or removed
/// by a later commit and kept only for readers of the earlier version. Run before each table's commit, so the
/// folder holds what the log holds plus at most a day of leftovers.
/// </summary>
/// <param name="container">The container holding the tables.</param>
/// <param name="time">The clock files are aged against.</param>
/// <param name="removedFileRetention">How long a removed file stays; Delta's 7 days unless given.</param>
public sealed class OrphanFiles(BlobContainerClient container, TimeProvider time, TimeSpan? removedFileRetention = null)
{
    /// <summary>
    /// Files no commit references are deleted once older than this. No run takes as long, so a concurrent
    /// run's file that is about to be committed is never taken.
    /// </summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    private readonly TimeSpan retention = removedFileRetention ?? DeltaTableProperties.DefaultDeletedFileRetention;

    /// <summary>
    /// Deletes data files of the table that the snapshot does not reference: files no commit ever added once older
    /// than <see cref="OrphanAge"/>, removed files once the removed-file retention has passed since their removal.
    /// Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteAsync(DeltaTable table, DeltaSnapshot snapshot, CancellationToken cancellationToken)
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
                ? DateTimeOffset.FromUnixTimeMilliseconds(removedAt) < now - retention
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
}
