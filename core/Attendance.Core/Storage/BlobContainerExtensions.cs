using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Attendance.Storage;

/// <summary>The two blob operations whose outcome the product treats as a value, not an error.</summary>
public static class BlobContainerExtensions
{
    /// <summary>
    /// Creates the blob only if absent (<c>If-None-Match: *</c>): the atomic put-if-absent that a Delta log commit
    /// needs. False when the blob exists, whoever created it.
    /// </summary>
    public static Task<bool> TryCreateAsync(
        this BlobContainerClient container, string blobName, BinaryData content, string contentType, CancellationToken cancellationToken = default) =>
        container.TryCreateAsync(blobName, content, contentType, metadata: null, cancellationToken);

    /// <summary>As <see cref="TryCreateAsync(BlobContainerClient, string, BinaryData, string, CancellationToken)"/>, with blob metadata set in the same request.</summary>
    public static async Task<bool> TryCreateAsync(
        this BlobContainerClient container, string blobName, BinaryData content, string contentType, IDictionary<string, string>? metadata, CancellationToken cancellationToken = default)
    {
        try
        {
            await container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = metadata,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The blob's content; null when absent.</summary>
    public static async Task<BinaryData?> DownloadIfExistsAsync(this BlobContainerClient container, string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A stream that stages the blob's blocks; the blob appears only on <see cref="StagedBlobStream.CommitAsync"/>.</summary>
    public static StagedBlobStream OpenStagedWrite(this BlobContainerClient container, string blobName, string? contentType = null) =>
        new(container.GetBlockBlobClient(blobName), contentType);
}
