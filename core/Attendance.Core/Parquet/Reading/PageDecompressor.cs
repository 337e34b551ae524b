using System.IO.Compression;
using System.Runtime.InteropServices;
using Attendance.Parquet.Format;
using IronSnappy;

namespace Attendance.Parquet.Reading;

/// <summary>
/// Decompresses one page body with the chunk's codec. The declared uncompressed size is checked before and after,
/// so a corrupt page can neither make the reader allocate more than its header claims nor pass off short output.
/// </summary>
internal static class PageDecompressor
{
    private const long MaxExpansion = 1032;

    /// <summary>Refuses a codec the reader cannot decompress, naming it (ZSTD needs a native or third-party library this feed lacks).</summary>
    public static void EnsureSupported(CompressionCodec codec, string column)
    {
        if (codec is not (CompressionCodec.Uncompressed or CompressionCodec.Snappy or CompressionCodec.Gzip))
        {
            throw new NotSupportedException(
                $"Column '{column}' is compressed with {FormatValues.CodecName(codec)}; the Parquet reader supports UNCOMPRESSED, SNAPPY and GZIP only.");
        }
    }

    public static ReadOnlyMemory<byte> Decompress(CompressionCodec codec, ReadOnlyMemory<byte> body, int uncompressedSize, string context)
    {
        // A v2 page of nulls only may store its empty values section as zero bytes even when "compressed".
        if (uncompressedSize == 0 && body.IsEmpty)
        {
            return body;
        }

        // DEFLATE expands at most about 1032:1 and Snappy far less, so a larger claim is corrupt; refusing it
        // keeps a damaged header from allocating gigabytes.
        if (uncompressedSize > body.Length * MaxExpansion + 1024)
        {
            throw new InvalidDataException($"Corrupt {context}: {body.Length} compressed bytes cannot hold the {uncompressedSize} the header says.");
        }

        var output = codec switch
        {
            CompressionCodec.Snappy => DecompressSnappy(body.Span, uncompressedSize, context),
            CompressionCodec.Gzip => DecompressGzip(body, uncompressedSize, context),
            _ => body,
        };

        if (output.Length != uncompressedSize)
        {
            throw new InvalidDataException($"Corrupt {context}: the body is {output.Length} bytes uncompressed, the header says {uncompressedSize}.");
        }

        return output;
    }

    private static byte[] DecompressSnappy(ReadOnlySpan<byte> body, int uncompressedSize, string context)
    {
        // The raw block format starts with the uncompressed length; compare it before IronSnappy allocates that much.
        var preambleEnd = 0;
        var declared = Varint.Read(body, ref preambleEnd, 5, $"Snappy block of the {context}");
        if (declared != (ulong)uncompressedSize)
        {
            throw new InvalidDataException($"Corrupt {context}: the Snappy block declares {declared} bytes, the header says {uncompressedSize}.");
        }

        try
        {
            return Snappy.Decode(body);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"Corrupt {context}: the Snappy block does not decode ({ex.Message}).", ex);
        }
    }

    private static byte[] DecompressGzip(ReadOnlyMemory<byte> body, int uncompressedSize, string context)
    {
        var source = MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        var output = new byte[uncompressedSize];
        int read;
        bool longer;
        try
        {
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            read = gzip.ReadAtLeast(output, output.Length, throwOnEndOfStream: false);
            longer = gzip.ReadByte() >= 0;
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"Corrupt {context}: the GZIP body does not decode ({ex.Message}).", ex);
        }

        if (read != uncompressedSize || longer)
        {
            throw new InvalidDataException($"Corrupt {context}: the GZIP body is {(longer ? "longer" : $"{read} bytes")}, the header says {uncompressedSize}.");
        }

        return output;
    }
}
