using System.Buffers.Binary;
using Attendance.Parquet.Reading;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>Damaged files fail with <see cref="InvalidDataException"/> saying where, never with an index error, a huge allocation or a hang.</summary>
public sealed class CorruptFileTests
{
    public static TheoryData<ParquetCompression> Compressions => new(Enum.GetValues<ParquetCompression>());

    [Fact]
    public async Task A_truncated_file_is_invalid_at_every_length()
    {
        var file = await SmallFileAsync(ParquetCompression.Snappy);
        for (var length = 0; length < file.Length; length++)
        {
            var truncated = file.AsMemory(0, length);
            Assert.Throws<InvalidDataException>(() => ParquetFileReader.Open(truncated));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public async Task A_wrong_magic_at_either_end_is_invalid(int offset)
    {
        var file = await SmallFileAsync(ParquetCompression.Snappy);
        "PAR2"u8.CopyTo(file.AsSpan(offset < 0 ? file.Length + offset : offset));
        var error = Assert.Throws<InvalidDataException>(() => ParquetFileReader.Open(file));
        Assert.Contains("PAR1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(5_000u)]
    [InlineData(uint.MaxValue)]
    public async Task A_footer_length_that_does_not_fit_the_footer_is_invalid(uint footerLength)
    {
        var file = await SmallFileAsync(ParquetCompression.Snappy);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 8), footerLength);
        Assert.Throws<InvalidDataException>(() => DamagedFile.ReadEverything(file));
    }

    [Fact]
    public async Task A_footer_cut_short_is_invalid_and_says_it_is_the_footer()
    {
        var file = await SmallFileAsync(ParquetCompression.Snappy);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        var footerStart = file.Length - 8 - footerLength;
        for (var keep = 0; keep < footerLength; keep += 7)
        {
            // The footer's last bytes are removed and its length adjusted, so only the Thrift structure is broken.
            var cut = file[..(footerStart + keep)].Concat(BitConverter.GetBytes(keep)).Concat("PAR1"u8.ToArray()).ToArray();
            var error = Assert.Throws<InvalidDataException>(() => ParquetFileReader.Open(cut));
            Assert.Contains("footer", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_page_size_beyond_the_column_chunk_is_invalid_and_names_the_column()
    {
        var file = await SmallFileAsync(ParquetCompression.None);
        var reader = ParquetFileReader.Open(file);

        // The first page of the file starts at byte 4: its header's compressed_page_size (field 3) is set to 2^20.
        var (_, header) = PageWalker.Pages(file)[0];
        var patched = RewriteFirstPageCompressedSize(file, header.CompressedSize, 1 << 20);
        var error = Assert.Throws<InvalidDataException>(() => ParquetFileReader.Open(patched).ReadStrings("submission_id"));
        Assert.Contains("submission_id", error.Message, StringComparison.Ordinal);
        Assert.NotNull(reader.ReadStrings("submission_id"));
    }

    [Fact]
    public async Task An_encoding_the_reader_lacks_is_refused_naming_it()
    {
        // The first page of the INT32 column 'count' is re-headed as BYTE_STREAM_SPLIT, which INT32 may use since
        // parquet-format 2.11 but the reader does not read; zigzag(9) takes one byte like zigzag(0), so no offset moves.
        var file = await SmallFileAsync(ParquetCompression.None);
        var reader = ParquetFileReader.Open(file);
        var chunk = FileMetadataReader.Read(file.AsMemory(file.Length - 8 - BitConverter.ToInt32(file, file.Length - 8), BitConverter.ToInt32(file, file.Length - 8)))
            .RowGroups[0].Columns.Single(c => c.Path[0] == "count");
        var offset = (int)chunk.DataPageOffset;
        var header = PageHeaderReader.Read(file.AsMemory(offset), "test");
        var buffer = new Buffers.ByteBuffer();
        var thrift = new global::Attendance.Parquet.Thrift.CompactProtocolWriter(buffer);
        thrift.BeginStruct();
        thrift.WriteI32Field(1, (int)header.Type);
        thrift.WriteI32Field(2, header.UncompressedSize);
        thrift.WriteI32Field(3, header.CompressedSize);
        thrift.BeginStructField(5);
        thrift.WriteI32Field(1, header.ValueCount);
        thrift.WriteI32Field(2, (int)FormatValues.ByteStreamSplit);
        thrift.WriteI32Field(3, (int)header.DefinitionLevelEncoding);
        thrift.WriteI32Field(4, (int)Format.ParquetEncoding.Rle);
        thrift.EndStruct();
        thrift.EndStruct();
        Assert.Equal(header.HeaderLength, buffer.Length);
        buffer.WrittenSpan.CopyTo(file.AsSpan(offset));

        var error = Assert.Throws<NotSupportedException>(() => ParquetFileReader.Open(file).ReadInt32("count"));
        Assert.Contains("BYTE_STREAM_SPLIT", error.Message, StringComparison.Ordinal);
        Assert.Contains("'count'", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(reader.ReadStrings("submission_id"));
    }

    [Theory]
    [MemberData(nameof(Compressions))]
    public async Task Any_single_damaged_byte_is_read_or_refused_with_a_Parquet_error(ParquetCompression compression)
    {
        var file = await SmallFileAsync(compression);
        foreach (var replacement in new byte[] { 0x00, 0xFF, 0x15 })
        {
            for (var position = 0; position < file.Length; position++)
            {
                var damaged = (byte[])file.Clone();
                if (damaged[position] == replacement)
                {
                    continue;
                }

                damaged[position] = replacement;
                if (DamagedFile.UnexpectedFailure(damaged) is { } failure)
                {
                    Assert.Fail($"Byte {position} set to 0x{replacement:X2}: {failure}");
                }
            }
        }
    }

    private static async Task<byte[]> SmallFileAsync(ParquetCompression compression) =>
        await ProductFiles.WriteAsync(
            ProductFiles.Scenario("small", compression, rows: 40, rowGroupRows: 25, pageRows: 10, dictionaryBytes: 200),
            TestContext.Current.CancellationToken);

    private static byte[] RewriteFirstPageCompressedSize(byte[] file, int compressedSize, int replacement)
    {
        // Field 3 (i32, delta 1 after field 2) is the header byte 0x15 followed by a zigzag varint.
        var original = ZigZagVarint(compressedSize);
        var position = 4;
        while (!(file[position] == 0x15 && file.AsSpan(position + 1, original.Length).SequenceEqual(original)))
        {
            position++;
        }

        return [.. file[..(position + 1)], .. ZigZagVarint(replacement), .. file[(position + 1 + original.Length)..]];
    }

    private static byte[] ZigZagVarint(int value)
    {
        var bytes = new List<byte>();
        var rest = (uint)((value << 1) ^ (value >> 31));
        do
        {
            var b = (byte)(rest & 0x7F);
            rest >>= 7;
            bytes.Add(rest == 0 ? b : (byte)(b | 0x80));
        }
        while (rest != 0);
        return [.. bytes];
    }
}
