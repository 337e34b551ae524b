using System.Text;
using Attendance.Parquet.Buffers;

namespace Attendance.Parquet.Thrift;

/// <summary>
/// Writes Thrift structs in the compact protocol, the encoding of every Parquet header and footer.
/// Field ids are delta-encoded against the previous field of the same struct, so nested structs save and
/// restore the last id.
/// </summary>
internal sealed class CompactProtocolWriter(ByteBuffer output)
{
    private readonly Stack<short> _enclosingLastFieldIds = new();
    private short _lastFieldId;

    public ByteBuffer Output { get; } = output;

    /// <summary>Starts a struct value: the top-level struct, a list element, or the value of a struct field.</summary>
    public void BeginStruct()
    {
        _enclosingLastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct()
    {
        Output.WriteByte(0);
        _lastFieldId = _enclosingLastFieldIds.Pop();
    }

    public void BeginStructField(short id)
    {
        WriteFieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    /// <summary>Writes a field whose value is an empty struct, e.g. a member of a union such as LogicalType.STRING.</summary>
    public void WriteEmptyStructField(short id)
    {
        BeginStructField(id);
        EndStruct();
    }

    public void WriteBoolField(short id, bool value) =>
        WriteFieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void WriteI32Field(short id, int value)
    {
        WriteFieldHeader(id, CompactType.I32);
        Output.WriteVarint(ZigZag(value));
    }

    public void WriteI64Field(short id, long value)
    {
        WriteFieldHeader(id, CompactType.I64);
        Output.WriteVarint(ZigZag(value));
    }

    public void WriteBinaryField(short id, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(id, CompactType.Binary);
        WriteBinary(value);
    }

    public void WriteStringField(short id, string value)
    {
        WriteFieldHeader(id, CompactType.Binary);
        WriteString(value);
    }

    public void WriteListField(short id, CompactType elementType, int count)
    {
        WriteFieldHeader(id, CompactType.List);
        if (count < 15)
        {
            Output.WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            Output.WriteByte((byte)(0xF0 | (int)elementType));
            Output.WriteVarint((uint)count);
        }
    }

    public void WriteI32Element(int value) => Output.WriteVarint(ZigZag(value));

    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        Output.WriteVarint((uint)byteCount);
        Output.Advance(Encoding.UTF8.GetBytes(value, Output.GetSpan(byteCount)));
    }

    private void WriteBinary(ReadOnlySpan<byte> value)
    {
        Output.WriteVarint((uint)value.Length);
        Output.Write(value);
    }

    private void WriteFieldHeader(short id, CompactType type)
    {
        var delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            Output.WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            Output.WriteByte((byte)type);
            Output.WriteVarint(ZigZag(id));
        }

        _lastFieldId = id;
    }

    private static ulong ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
