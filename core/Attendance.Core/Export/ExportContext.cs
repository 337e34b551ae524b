using Attendance.Delta;
using Azure.Storage.Blobs;

namespace Attendance.Export;

/// <summary>
/// What one export run shares across its tables: the container, the clock every table, commit and clean-up is timed
/// by, and the removed-file retention, with the commit builder and orphan clean-up made from them. One per run
/// (<see cref="ExportRunner"/>), so every table of a run sees the same settings.
/// </summary>
public sealed class ExportContext(BlobContainerClient container, TimeProvider time, TimeSpan? removedFileRetention = null)
{
    /// <summary>
    /// Files removed from a table stay this long (<see cref="ExportOptions.RemovedFileRetention"/>, default 7 days,
    /// Delta's usual retention), so a reader that loaded an earlier version, such as a Power BI refresh under way,
    /// can still open them.
    /// </summary>
    public TimeSpan RemovedFileRetention { get; } = removedFileRetention ?? DeltaTableProperties.DefaultDeletedFileRetention;

    /// <summary>The container the tables live in (<see cref="ExportOptions.Container"/>).</summary>
    public BlobContainerClient Container => container;

    /// <summary>The Delta actions of this run's commits, on this run's clock and removed-file retention.</summary>
    public DeltaCommitBuilder Commits { get; } = new(time, removedFileRetention);

    /// <summary>The clean-up of files no commit references, on this run's clock and removed-file retention.</summary>
    public OrphanFiles Orphans { get; } = new(container, time, removedFileRetention);

    /// <summary>A table of the container, aged by this export's clock.</summary>
    public DeltaTable Table(string path) => new(container, path, time);

    /// <summary>The run's clock now, in Unix milliseconds as Delta actions record time.</summary>
    public long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The run's clock now; data file names carry it.</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
