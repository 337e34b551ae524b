using System.Globalization;
using System.Security;
using System.Text;
using Azure.Core;

namespace Attendance.Storage.Blobs;

/// <summary>
/// Uploads a block blob block by block: bytes fill one buffer of the block size, a full buffer goes out as a
/// Put Block, and <see cref="CommitAsync"/> sends the last block and the Put Block List that makes the blob appear.
/// </summary>
internal sealed class RestBlobWriteStream : BlobWriteStream
{
    private readonly StorageService service;
    private readonly string blobPath;
    private readonly string? contentType;
    private readonly List<string> blockIds = [];
    private byte[]? buffer;
    private int buffered;
    private long written;
    private bool committed;

    public RestBlobWriteStream(StorageService service, string blobPath, string? contentType, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        this.service = service;
        this.blobPath = blobPath;
        this.contentType = contentType;
        buffer = new byte[blockSize];
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => buffer is not null && !committed;

    public override long Length => written;

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var taken = Fill(buffer);
            buffer = buffer[taken..];
            if (IsFull)
            {
                // The synchronous path of the same upload: Azure.Core's pipeline sends synchronously when async is false.
                PutBlockAsync(async: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var taken = Fill(buffer.Span);
            buffer = buffer[taken..];
            if (IsFull)
            {
                await PutBlockAsync(async: true, cancellationToken);
            }
        }
    }

    // Blocks go out when full; flushing a partial block would only make more, smaller blocks.
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<string> CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        if (buffered > 0)
        {
            await PutBlockAsync(async: true, cancellationToken);
        }

        var list = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds)
        {
            list.Append("<Latest>").Append(SecurityElement.Escape(id)).Append("</Latest>");
        }

        list.Append("</BlockList>");
        using var message = service.CreateMessage(RequestMethod.Put, blobPath + "?comp=blocklist");
        if (contentType is not null)
        {
            message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
        }

        RestBlobContainerClient.SetContent(message, Encoding.UTF8.GetBytes(list.ToString()), "application/xml");
        var response = await service.SendExpectingSuccessAsync(message, cancellationToken);
        committed = true;
        return StorageService.ETag(response);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // Uncommitted blocks are left to the service, which discards them (after a week); nothing becomes visible.
        buffer = null;
        base.Dispose(disposing);
    }

    private bool IsFull => buffered == buffer!.Length;

    private int Fill(ReadOnlySpan<byte> source)
    {
        EnsureWritable();
        var taken = Math.Min(source.Length, buffer!.Length - buffered);
        source[..taken].CopyTo(buffer.AsSpan(buffered));
        buffered += taken;
        written += taken;
        return taken;
    }

    private async ValueTask PutBlockAsync(bool async, CancellationToken cancellationToken)
    {
        // Ids must all have the same length within a blob; a zero-padded counter gives that.
        var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D8", CultureInfo.InvariantCulture)));
        using var message = service.CreateMessage(RequestMethod.Put, $"{blobPath}?comp=block&blockid={Uri.EscapeDataString(id)}");
        RestBlobContainerClient.SetContent(message, buffer.AsMemory(0, buffered), contentType: null);
        var response = await service.SendAsync(message, async, cancellationToken);
        if (response.IsError)
        {
            throw StorageErrors.ToException(response);
        }

        blockIds.Add(id);
        buffered = 0;
    }

    private void EnsureWritable()
    {
        ObjectDisposedException.ThrowIf(buffer is null, this);
        if (committed)
        {
            throw new InvalidOperationException("The blob is already committed.");
        }
    }
}
