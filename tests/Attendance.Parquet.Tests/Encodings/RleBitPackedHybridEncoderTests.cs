using Attendance.Parquet.Buffers;
using Attendance.Parquet.Encodings;

namespace Attendance.Parquet.Tests.Encodings;

public sealed class RleBitPackedHybridEncoderTests
{
    [Fact]
    public void Eight_distinct_values_are_bit_packed_as_in_the_specification_example()
    {
        // Encodings.md: 0..7 with bit width 3 pack to 10001000 11000110 11111010.
        Assert.Equal([0x03, 0x88, 0xC6, 0xFA], Encode([0, 1, 2, 3, 4, 5, 6, 7], 3));
    }

    [Fact]
    public void A_long_run_becomes_one_rle_run_with_the_value_in_whole_bytes()
    {
        Assert.Equal([0xC8, 0x01, 0x05], Encode([.. Enumerable.Repeat(5, 100)], 3));
        Assert.Equal([0xC8, 0x01, 0x05, 0x01], Encode([.. Enumerable.Repeat(261, 100)], 9));
    }

    [Fact]
    public void A_run_that_starts_inside_a_group_is_packed_until_the_next_group_boundary()
    {
        // [1,2,3] then twenty 4s: one bit-packed group of 1,2,3,4,4,4,4,4, then an RLE run of the remaining fifteen 4s.
        Assert.Equal([0x03, 0xD1, 0x48, 0x92, 0x1E, 0x04], Encode([1, 2, 3, .. Enumerable.Repeat(4, 20)], 3));
    }

    [Fact]
    public void The_last_group_is_padded_with_zeros_and_nothing_else_is()
    {
        // Nine levels need two groups of eight; the padding only ever comes last.
        Assert.Equal([0x05, 0x0D, 0x01], Encode([1, 0, 1, 1, 0, 0, 0, 0, 1], 1));
    }

    [Fact]
    public void Definition_levels_of_a_column_without_nulls_are_a_single_run()
    {
        var output = new ByteBuffer();
        RleBitPackedHybridEncoder.Encode<byte>([.. Enumerable.Repeat((byte)1, 131_072)], 1, output);
        Assert.Equal([0x80, 0x80, 0x10, 0x01], output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(255, 8)]
    [InlineData(256, 9)]
    [InlineData(int.MaxValue, 31)]
    public void Bit_width_covers_the_largest_index_and_is_never_zero(int maxValue, int expected) =>
        Assert.Equal(expected, RleBitPackedHybridEncoder.BitWidth(maxValue));

    private static byte[] Encode(int[] values, int bitWidth)
    {
        var output = new ByteBuffer();
        RleBitPackedHybridEncoder.Encode<int>(values, bitWidth, output);
        return output.WrittenSpan.ToArray();
    }
}
