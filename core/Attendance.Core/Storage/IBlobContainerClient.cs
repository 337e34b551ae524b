namespace Attendance.Storage;

/// <summary>
/// The Blob Storage operations the product needs, for one container. Implemented on Azure.Core's pipeline
/// by <see cref="Blobs.RestBlobContainerClient"/>; swappable for Azure.Storage.Blobs. Failures surface as
/// <see cref="Azure.RequestFailedException"/> with the service's status (409 when a create-only write finds the blob).
/// </summary>
public interface IBlobContainerClient
{
    /// <summary>The container's name.</summary>
    string Name { get; }

    /// <summary>Creates the container unless it exists.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a small blob in one request. With <paramref name="createOnly"/> it is created only if absent
    /// (<c>If-None-Match: *</c>) and a 409 <see cref="Azure.RequestFailedException"/> says someone else created it first.
    /// Returns the new ETag.
    /// </summary>
    Task<string> UploadAsync(string blobName, ReadOnlyMemory<byte> content, bool createOnly = false, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a stream that uploads a large blob in blocks as it is written, holding at most one block in memory;
    /// the blob appears only when <see cref="BlobWriteStream.CommitAsync"/> commits the block list.
    /// </summary>
    BlobWriteStream OpenWrite(string blobName, string? contentType = null);

    /// <summary>Reads a whole blob; null when absent.</summary>
    Task<BlobContent?> DownloadAsync(string blobName, CancellationToken cancellationToken = default);

    /// <summary>Lists the blobs whose names start with <paramref name="prefix"/>, in name order, following markers.</summary>
    IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob if present.</summary>
    Task DeleteIfExistsAsync(string blobName, CancellationToken cancellationToken = default);
}

/// <summary>A downloaded blob.</summary>
public sealed record BlobContent(ReadOnlyMemory<byte> Content, string ETag);

/// <summary>A listed blob.</summary>
public sealed record BlobItem(string Name, long Size, DateTimeOffset LastModified);
