using System.IO.Compression;
using Attendance.Parquet.Format;
using IronSnappy;

namespace Attendance.Parquet.Compression;

/// <summary>Compresses one page body at a time with the file's codec; each page is an independent block.</summary>
internal sealed class PageCompressor(ParquetCompression compression)
{
    private readonly MemoryStream _gzipOutput = new();

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
                // Snappy.Encode writes the raw block format (no stream framing), which is what SNAPPY means in Parquet.
                return Snappy.Encode(body);
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
}
