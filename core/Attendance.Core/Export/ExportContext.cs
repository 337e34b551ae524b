using Attendance.Delta;
using Attendance.Storage;
using Azure.Storage.Blobs;

namespace Attendance.Export;

/// <summary>
/// What every exported table shares: the Delta actions around a commit, and removing files
/// that no commit references (left by a run that crashed before committing, or replaced by a later commit).
/// </summary>
public sealed class ExportFiles(BlobContainerClient container, TimeProvider time, TimeSpan? removedFileRetention = null)
{
    /// <summary>
    /// Files removed from a table stay this long (<see cref="ExportOptions.RemovedFileRetention"/>, default 7 days,
    /// Delta's usual retention), so a reader that loaded an earlier version, such as a Power BI refresh under way,
    /// can still open them.
    /// </summary>
    public TimeSpan RemovedFileRetention { get; } = removedFileRetention ?? DeltaTableProperties.DefaultDeletedFileRetention;

    public BlobContainerClient Container => container;

    /// <summary>The Delta actions of this run's commits, on this run's clock and removed-file retention.</summary>
    public DeltaCommitBuilder Commits { get; } = new(time, removedFileRetention);

    /// <summary>The clean-up of files no commit references, on this run's clock and removed-file retention.</summary>
    public OrphanFiles Orphans { get; } = new(container, time, removedFileRetention);

    /// <summary>A table of the container, aged by this export's clock.</summary>
    public DeltaTable Table(string path) => new(container, path, time);

    public long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
