using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Core;

namespace Attendance.Storage.Blobs;

/// <summary>
/// <see cref="IBlobContainerClient"/> over the Blob service REST API. Obtain it from <see cref="IAttendanceStorage.GetContainer"/>.
/// </summary>
public sealed class RestBlobContainerClient : IBlobContainerClient
{
    /// <summary>The block size of <see cref="OpenWrite"/>: 4 MiB, the size the Azure SDK uses by default.</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    private readonly StorageService service;
    private readonly string escapedName;

    internal RestBlobContainerClient(StorageService service, string containerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        this.service = service;
        Name = containerName;
        escapedName = Uri.EscapeDataString(containerName);
    }

    public string Name { get; }

    /// <summary>Blobs per List Blobs page; null lets the service choose (5,000). Tests lower it to exercise paging.</summary>
    internal int? ListPageSize { get; init; }

    /// <summary>The block size of <see cref="OpenWrite"/>; tests lower it.</summary>
    internal int BlockSize { get; init; } = DefaultBlockSize;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Put, escapedName + "?restype=container");
        var response = await service.SendAsync(message, cancellationToken);
        if (response.IsError && !(response.Status == 409 && StorageErrors.Parse(response).Code == "ContainerAlreadyExists"))
        {
            throw StorageErrors.ToException(response);
        }
    }

    public async Task<string> UploadAsync(
        string blobName, ReadOnlyMemory<byte> content, bool createOnly = false, string? contentType = null, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Put, BlobPaths.Blob(Name, blobName));
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        if (createOnly)
        {
            message.Request.Headers.SetValue("If-None-Match", "*");
        }

        SetContent(message, content, contentType);
        var response = await service.SendExpectingSuccessAsync(message, cancellationToken);
        return StorageService.ETag(response);
    }

    public BlobWriteStream OpenWrite(string blobName, string? contentType = null) =>
        new RestBlobWriteStream(service, BlobPaths.Blob(Name, blobName), contentType, BlockSize);

    public async Task<BlobContent?> DownloadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Get, BlobPaths.Blob(Name, blobName));
        var response = await service.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.IsError)
        {
            throw StorageErrors.ToException(response);
        }

        // Copied: the response buffer goes away with the message.
        return new BlobContent(response.Content.ToArray(), StorageService.ETag(response));
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        string? marker = null;
        do
        {
            var query = new StringBuilder(escapedName).Append("?restype=container&comp=list");
            if (prefix.Length > 0)
            {
                query.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
            }

            if (marker is not null)
            {
                query.Append("&marker=").Append(Uri.EscapeDataString(marker));
            }

            if (ListPageSize is { } size)
            {
                query.Append("&maxresults=").Append(size);
            }

            BlobListPage page;
            using (var message = service.CreateMessage(RequestMethod.Get, query.ToString()))
            {
                var response = await service.SendExpectingSuccessAsync(message, cancellationToken);
                page = BlobListPage.Parse(response.Content.ToString());
            }

            foreach (var blob in page.Blobs)
            {
                yield return blob;
            }

            marker = page.NextMarker;
        }
        while (marker is not null);
    }

    public async Task DeleteIfExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Delete, BlobPaths.Blob(Name, blobName));
        var response = await service.SendAsync(message, cancellationToken);
        if (response.IsError && response.Status != 404)
        {
            throw StorageErrors.ToException(response);
        }
    }

    internal static void SetContent(HttpMessage message, ReadOnlyMemory<byte> content, string? contentType)
    {
        message.Request.Headers.SetValue("Content-Type", contentType ?? "application/octet-stream");
        message.Request.Content = RequestContent.Create(content);
    }
}
