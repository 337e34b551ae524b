using Attendance.Parquet.Buffers;
using Attendance.Parquet.Thrift;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>The Thrift compact reader skips fields it does not know, whatever their type, and refuses malformed input.</summary>
public sealed class CompactProtocolReaderTests
{
    [Fact]
    public void Unknown_fields_of_every_type_are_skipped_and_known_ones_read()
    {
        byte[] bytes =
        [
            0x15, 0x0E,                         // 1: i32 7
            0x1B, 0x02, 0x58, 0x04, 0x01, 0x61, 0x06, 0x02, 0x62, 0x63, // 2: map<i32, binary> {2: "a", 3: "bc"}
            0x19, 0x31, 0x01, 0x02, 0x01,       // 3: list<bool> [true, false, true]
            0x1C,                               // 4: struct {
            0x11,                               //   1: bool true
            0x17, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, //   2: double 1.0
            0x18, 0x03, 0x78, 0x79, 0x7A,       //   3: binary "xyz"
            0x19, 0x2C, 0x00, 0x11, 0x00,       //   4: list<struct> [{}, {1: bool true}]
            0x00,                               // }
            0x1A, 0x24, 0x02, 0x04,             // 5: set<i16> {1, 2}
            0x13, 0x7F,                         // 6: byte 127
            0x12,                               // 7: bool false
            0x19, 0xF5, 0x0F, .. Enumerable.Repeat((byte)0x02, 15), // 8: list<i32> of 15 (long form)
            0x06, 0x28, 0x09,                   // 20 (id as zigzag varint): i64 -5
            0x18, 0x05, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, // 21: binary "known"
            0x00,
        ];
        var thrift = new CompactProtocolReader(bytes, "test struct");
        int? first = null;
        long? twentieth = null;
        string? last = null;
        thrift.BeginStruct();
        while (thrift.ReadFieldHeader(out var id, out var type))
        {
            switch (id)
            {
                case 1: first = thrift.ReadI32(); break;
                case 20: twentieth = thrift.ReadI64(); break;
                case 21: last = thrift.ReadString(); break;
                default: thrift.Skip(type); break;
            }
        }

        thrift.EndStruct();
        Assert.Equal((7, -5L, "known"), (first, twentieth, last));
        Assert.Equal(bytes.Length, thrift.Position);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads()
    {
        var buffer = new ByteBuffer();
        var writer = new CompactProtocolWriter(buffer);
        writer.BeginStruct();
        writer.WriteI32Field(1, -123456);
        writer.BeginStructField(30);
        writer.WriteBoolField(2, true);
        writer.EndStruct();
        writer.WriteI64Field(31, long.MinValue);
        writer.EndStruct();

        var thrift = new CompactProtocolReader(buffer.WrittenMemory, "test struct");
        thrift.BeginStruct();
        Assert.True(thrift.ReadFieldHeader(out var id, out _));
        Assert.Equal((1, -123456), (id, thrift.ReadI32()));
        Assert.True(thrift.ReadFieldHeader(out id, out var type));
        Assert.Equal((30, CompactType.Struct), (id, type));
        thrift.Skip(type);
        Assert.True(thrift.ReadFieldHeader(out id, out _));
        Assert.Equal((31, long.MinValue), (id, thrift.ReadI64()));
        Assert.False(thrift.ReadFieldHeader(out _, out _));
    }

    public static TheoryData<byte[]> Malformed => new(
        [0x18, 0x05, 0x61],                          // binary claims 5 bytes, 1 left
        [0x15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],  // i32 varint longer than 5 bytes
        [0x19, 0xF5, 0xFF, 0xFF, 0xFF, 0x7F],        // list of 2^31 elements
        [0x1D],                                      // type 13 does not exist
        [0x15],                                      // value missing
        [0x1B, 0x05, 0x55, 0x02],                    // map of 5 entries, 1 byte left
        [.. Enumerable.Repeat((byte)0x1C, 100)],     // structs nested 100 deep
        [.. Enumerable.Repeat((byte)0x19, 100_000)]); // lists of one list nested 100,000 deep (would overflow the stack)

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_is_invalid_data(byte[] bytes)
    {
        var thrift = new CompactProtocolReader(bytes, "test struct");
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            thrift.BeginStruct();
            while (thrift.ReadFieldHeader(out _, out var type))
            {
                thrift.Skip(type);
            }
        });
        Assert.StartsWith("Corrupt test struct", error.Message, StringComparison.Ordinal);
    }
}
