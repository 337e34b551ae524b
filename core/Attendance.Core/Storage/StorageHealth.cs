using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;

namespace Attendance.Storage;

/// <summary>Asks each storage service for one item through clients that never retry, so an outage shows at once.</summary>
public sealed class StorageHealth(IAzureClientFactory<TableServiceClient> tables, IAzureClientFactory<BlobServiceClient> blobs)
{
    /// <summary>Throws <see cref="Azure.RequestFailedException"/> (or the transport's exception) when a service does not answer.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var _ in tables.CreateClient(StorageClients.Health).QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
        {
            break;
        }

        await foreach (var _ in blobs.CreateClient(StorageClients.Health).GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            break;
        }
    }
}
