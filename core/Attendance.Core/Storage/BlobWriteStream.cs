namespace Attendance.Storage;

/// <summary>
/// A write-only stream that uploads a block blob in blocks as bytes arrive. Nothing is visible until
/// <see cref="CommitAsync"/>; disposing without committing leaves only uncommitted blocks, which the
/// service discards, so a crash never leaves a half-written blob.
/// </summary>
public abstract class BlobWriteStream : Stream
{
    /// <summary>Uploads the last block and commits the block list. Returns the blob's ETag.</summary>
    public abstract Task<string> CommitAsync(CancellationToken cancellationToken = default);
}
