using System.Buffers.Binary;
using Parquet.Meta;

namespace Attendance.Export;

/// <summary>
/// A forward-only stream over the export's output that passes the row groups through as Parquet.Net writes them and
/// holds back what it writes after <see cref="CaptureFooter"/> (the footer, its length and the closing magic), so the
/// footer can be corrected (<see cref="ParquetFooter"/>) before it reaches the output. Only the footer is held in
/// memory; offsets in it point at bytes already written, which the correction does not move.
/// </summary>
internal sealed class FooterCapturingStream(Stream output) : Stream
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();
    private MemoryStream? _footer;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>From now on writes are held back: the writer is about to write its footer.</summary>
    public void CaptureFooter() => _footer = new MemoryStream();

    /// <summary>Decodes the held-back footer, lets <paramref name="correct"/> change it, and writes it out with its new length.</summary>
    public async Task WriteCorrectedFooterAsync(Action<FileMetaData> correct, CancellationToken cancellationToken)
    {
        var tail = _footer?.ToArray() ?? throw new InvalidOperationException("No footer was captured.");
        var length = tail.Length >= 8 ? BinaryPrimitives.ReadInt32LittleEndian(tail.AsSpan(tail.Length - 8)) : -1;
        if (length != tail.Length - 8 || !tail.AsSpan(tail.Length - 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"Expected a footer, its length and PAR1 after the last row group; got {tail.Length} bytes.");
        }

        var footer = ParquetThrift.Read(tail[..length]);
        correct(footer);
        var corrected = ParquetThrift.Write(footer);
        var lengthBytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(lengthBytes, corrected.Length);
        await output.WriteAsync(corrected, cancellationToken);
        await output.WriteAsync(lengthBytes, cancellationToken);
        await output.WriteAsync(Magic, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_footer is { } footer)
        {
            footer.Write(buffer);
        }
        else
        {
            output.Write(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_footer is { } footer)
        {
            footer.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        return output.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
        if (_footer is null)
        {
            output.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _footer is null ? output.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
