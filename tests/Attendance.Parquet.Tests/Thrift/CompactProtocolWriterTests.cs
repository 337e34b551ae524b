using Attendance.Parquet.Buffers;
using Attendance.Parquet.Thrift;

namespace Attendance.Parquet.Tests.Thrift;

public sealed class CompactProtocolWriterTests
{
    [Fact]
    public void Small_field_id_deltas_share_a_byte_with_the_type()
    {
        var bytes = Write(w =>
        {
            w.WriteI32Field(1, 1);
            w.WriteI64Field(3, -1);
            w.WriteBoolField(4, true);
            w.WriteBoolField(5, false);
        });
        Assert.Equal([0x15, 0x02, 0x26, 0x01, 0x11, 0x12, 0x00], bytes);
    }

    [Fact]
    public void A_delta_beyond_fifteen_or_backwards_writes_the_id_in_full()
    {
        var bytes = Write(w =>
        {
            w.WriteI32Field(20, 0);
            w.WriteI32Field(2, 0);
        });
        Assert.Equal([0x05, 0x28, 0x00, 0x05, 0x04, 0x00, 0x00], bytes);
    }

    [Fact]
    public void Nested_structs_restore_the_enclosing_field_id()
    {
        var bytes = Write(w =>
        {
            w.WriteI32Field(1, 0);
            w.BeginStructField(5);
            w.WriteI32Field(1, 0);
            w.EndStruct();
            w.WriteI32Field(6, 0);
        });
        Assert.Equal([0x15, 0x00, 0x4C, 0x15, 0x00, 0x00, 0x15, 0x00, 0x00], bytes);
    }

    [Fact]
    public void Lists_of_fourteen_fit_in_the_header_and_longer_ones_carry_their_size()
    {
        Assert.Equal([0x19, 0xE5, 0x00], Write(w => w.WriteListField(1, CompactType.I32, 14)));
        Assert.Equal([0x19, 0xF5, 0x0F, 0x00], Write(w => w.WriteListField(1, CompactType.I32, 15)));
    }

    [Fact]
    public void Strings_are_length_prefixed_utf8()
    {
        Assert.Equal([0x48, 0x03, 0x61, 0xC3, 0xA9, 0x00], Write(w => w.WriteStringField(4, "aé")));
    }

    [Fact]
    public void Large_i64_values_are_zigzag_varints()
    {
        Assert.Equal([0x16, 0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x00], Write(w => w.WriteI64Field(1, int.MaxValue)));
    }

    private static byte[] Write(Action<CompactProtocolWriter> write)
    {
        var output = new ByteBuffer();
        var writer = new CompactProtocolWriter(output);
        writer.BeginStruct();
        write(writer);
        writer.EndStruct();
        return output.WrittenSpan.ToArray();
    }
}
