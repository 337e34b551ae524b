using System.IO.Compression;
using Attendance.Parquet.Buffers;
using Attendance.Parquet.Format;
using IronSnappy;

namespace Attendance.Parquet.Compression;

/// <summary>Compresses one page body at a time with the file's codec; each page is an independent block.</summary>
internal sealed class PageCompressor(ParquetCompression compression)
{
    // Snappy compresses in independent 64 KiB fragments (copies never reach into an earlier fragment), so a
    // page compressed fragment by fragment, with one length preamble, is the same block as one compressed whole.
    // Doing so keeps IronSnappy's output arrays under the large-object threshold: short-lived gen0 garbage
    // instead of a fresh large object per page.
    private const int SnappyFragmentBytes = 64 * 1024;

    private readonly MemoryStream _gzipOutput = new();
    private readonly ByteBuffer _snappyOutput = new(1024 * 1024);

    public CompressionCodec Codec { get; } = compression switch
    {
        ParquetCompression.Snappy => CompressionCodec.Snappy,
        ParquetCompression.Gzip => CompressionCodec.Gzip,
        _ => CompressionCodec.Uncompressed,
    };

    /// <summary>Returns the compressed body; valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> body)
    {
        switch (Codec)
        {
            case CompressionCodec.Snappy:
                return CompressSnappy(body);
            case CompressionCodec.Gzip:
                _gzipOutput.SetLength(0);
                using (var gzip = new GZipStream(_gzipOutput, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(body);
                }

                return _gzipOutput.GetBuffer().AsSpan(0, (int)_gzipOutput.Length);
            default:
                return body;
        }
    }

    private ReadOnlySpan<byte> CompressSnappy(ReadOnlySpan<byte> body)
    {
        // Snappy.Encode writes the raw block format (no stream framing), which is what SNAPPY means in Parquet.
        _snappyOutput.Clear();
        _snappyOutput.WriteVarint((ulong)body.Length);
        while (!body.IsEmpty)
        {
            var fragment = body[..Math.Min(body.Length, SnappyFragmentBytes)];
            ReadOnlySpan<byte> encoded = Snappy.Encode(fragment);
            _snappyOutput.Write(encoded[VarintLength(fragment.Length)..]);
            body = body[fragment.Length..];
        }

        return _snappyOutput.WrittenSpan;
    }

    private static int VarintLength(int value)
    {
        var length = 1;
        for (var rest = (uint)value >> 7; rest != 0; rest >>= 7)
        {
            length++;
        }

        return length;
    }
}
