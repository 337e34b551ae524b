using System.Buffers.Binary;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Attendance.Storage;

/// <summary>
/// A write-only stream that uploads a block blob as staged blocks and makes it visible only on
/// <see cref="CommitAsync"/>. The SDK's own <c>OpenWriteAsync</c> stream is no use for export files: it creates
/// the blob at once and commits whatever was written on every flush and on dispose, even after an exception, so a
/// failed export would leave a half-written file. Here, flushing does nothing and disposing without committing
/// leaves only uncommitted blocks, which the service discards after a week. The commit is create-only
/// (<c>If-None-Match: *</c>): a file the product wrote is never overwritten (Delta: data files and checkpoints are
/// written once).
/// </summary>
public sealed class StagedBlobStream : Stream
{
    /// <summary>The size of one staged block; one block's worth of bytes is held in memory.</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    private readonly BlockBlobClient blob;
    private readonly string? contentType;
    private readonly List<string> blockIds = [];
    private readonly byte[] buffer;
    private int buffered;
    private long written;
    private bool committed;

    public StagedBlobStream(BlockBlobClient blob, string? contentType = null, int blockSize = DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        this.blob = blob;
        this.contentType = contentType;
        buffer = new byte[blockSize];
    }

    /// <summary>Blob metadata set when the block list is committed (e.g. when the product wrote a Delta log file); none unless set.</summary>
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>How many blocks have been staged so far.</summary>
    public int StagedBlocks => blockIds.Count;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !committed;

    public override long Length => written;

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> source)
    {
        ObjectDisposedException.ThrowIf(committed, this);
        while (!source.IsEmpty)
        {
            source = source[Fill(source)..];
            if (buffered == buffer.Length)
            {
                StageBuffer();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(committed, this);
        while (!source.IsEmpty)
        {
            source = source[Fill(source.Span)..];
            if (buffered == buffer.Length)
            {
                await StageBufferAsync(cancellationToken);
            }
        }
    }

    /// <summary>Nothing to do: a flush must not make a partial file visible.</summary>
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Stages what is left and commits the block list; the blob appears with exactly the bytes written. Throws a
    /// <see cref="Azure.RequestFailedException"/> (409 or 412, see <see cref="IsAlreadyThere"/>) when a blob of that name exists.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(committed, this);
        if (buffered > 0)
        {
            await StageBufferAsync(cancellationToken);
        }

        var options = new CommitBlockListOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = Metadata,
            Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
        };
        await blob.CommitBlockListAsync(blockIds, options, cancellationToken);
        committed = true;
    }

    /// <summary>Whether <paramref name="ex"/> is the answer to a create-only commit of a name that exists.</summary>
    public static bool IsAlreadyThere(Azure.RequestFailedException ex) => ex.Status is 409 or 412;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Copies what fits of <paramref name="source"/> into the block buffer; returns how many bytes it took.</summary>
    private int Fill(ReadOnlySpan<byte> source)
    {
        var taken = Math.Min(source.Length, buffer.Length - buffered);
        source[..taken].CopyTo(buffer.AsSpan(buffered));
        buffered += taken;
        written += taken;
        return taken;
    }

    /// <summary>The synchronous path of <see cref="StageBufferAsync"/>, for <see cref="Stream.Write(ReadOnlySpan{byte})"/>.</summary>
    private void StageBuffer()
    {
        var blockId = BlockId(blockIds.Count);
        using var content = new MemoryStream(buffer, 0, buffered, writable: false);
        blob.StageBlock(blockId, content);
        blockIds.Add(blockId);
        buffered = 0;
    }

    private async Task StageBufferAsync(CancellationToken cancellationToken)
    {
        var blockId = BlockId(blockIds.Count);
        using var content = new MemoryStream(buffer, 0, buffered, writable: false);
        await blob.StageBlockAsync(blockId, content, cancellationToken: cancellationToken);

        // Recorded only once staged: a failed block is not in the list a later commit sends.
        blockIds.Add(blockId);
        buffered = 0;
    }

    /// <summary>Block ids of one blob must all have the same length: the block's index, 8 bytes, base64.</summary>
    private static string BlockId(int index)
    {
        Span<byte> id = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(id, index);
        return Convert.ToBase64String(id);
    }
}
