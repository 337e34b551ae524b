using System.Text;
using Attendance.Parquet.Reading;

namespace Attendance.Parquet.Thrift;

/// <summary>
/// Reads Thrift structs in the compact protocol from untrusted bytes: every length, count and varint is checked
/// against what is left, so a corrupt footer or page header fails with <see cref="InvalidDataException"/> instead of
/// reading out of range, allocating without bound or looping. Fields the caller does not know are skipped with
/// <see cref="Skip"/>, which walks nested structs, containers and binaries.
/// </summary>
internal sealed class CompactProtocolReader(ReadOnlyMemory<byte> data, string context)
{
    // Real footers nest a handful of levels (FileMetaData > RowGroup > ColumnChunk > ColumnMetaData > Statistics);
    // the limit only stops a crafted file from recursing until the stack overflows.
    private const int MaxDepth = 64;

    private readonly Stack<short> _enclosingLastFieldIds = new();
    private short _lastFieldId;
    private int _skippedContainerDepth;

    /// <summary>Bytes consumed so far.</summary>
    public int Position { get; private set; }

    /// <summary>Starts reading a struct value: the top-level struct, a list element, or the value of a struct field.</summary>
    public void BeginStruct()
    {
        if (_enclosingLastFieldIds.Count + _skippedContainerDepth >= MaxDepth)
        {
            throw Corrupt($"values nest deeper than {MaxDepth} levels");
        }

        _enclosingLastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    /// <summary>Reads the next field header of the current struct; false at its stop byte, after which call <see cref="EndStruct"/>.</summary>
    public bool ReadFieldHeader(out short id, out CompactType type)
    {
        var header = ReadByte();
        if (header == 0)
        {
            id = 0;
            type = 0;
            return false;
        }

        type = CheckType((byte)(header & 0x0F));
        var delta = header >> 4;
        if (delta != 0)
        {
            id = (short)(_lastFieldId + delta);
        }
        else
        {
            var longId = Varint.ZigZag(ReadVarint(5));
            if (longId is < short.MinValue or > short.MaxValue)
            {
                throw Corrupt($"field id {longId} is out of range");
            }

            id = (short)longId;
        }

        _lastFieldId = id;
        return true;
    }

    public void EndStruct() => _lastFieldId = _enclosingLastFieldIds.Pop();

    /// <summary>The value of a bool field, which the compact protocol keeps in the field header's type.</summary>
    public static bool BoolFieldValue(CompactType type) => type == CompactType.BooleanTrue;

    public int ReadI32()
    {
        var value = Varint.ZigZag(ReadVarint(5));
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Corrupt($"i32 value {value} is out of range");
        }

        return (int)value;
    }

    public long ReadI64() => Varint.ZigZag(ReadVarint(10));

    public sbyte ReadI8() => (sbyte)ReadByte();

    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadLength("binary");
        var value = data.Span.Slice(Position, length);
        Position += length;
        return value;
    }

    public string ReadString()
    {
        var bytes = ReadBinary();
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a list or set header; the count is checked against the bytes left, since every element takes at least one.</summary>
    public int ReadListHeader(out CompactType elementType)
    {
        var header = ReadByte();
        elementType = CheckType((byte)(header & 0x0F));
        var count = header >> 4;
        return count == 15 ? ReadLength("list") : count;
    }

    /// <summary>Skips a value of <paramref name="type"/> whose field header (or container header) has been read.</summary>
    public void Skip(CompactType type)
    {
        switch (type)
        {
            case CompactType.BooleanTrue or CompactType.BooleanFalse:
                // A bool field's value lives in its header, so nothing follows it; bool container elements take a byte each (SkipElements).
                break;
            case CompactType.Byte:
                ReadByte();
                break;
            case CompactType.I16 or CompactType.I32 or CompactType.I64:
                ReadVarint(10);
                break;
            case CompactType.Double:
                Take(8, "double");
                break;
            case CompactType.Binary:
                ReadBinary();
                break;
            case CompactType.List or CompactType.Set:
                EnterContainer();
                SkipElements(ReadListHeader(out var elementType), elementType);
                _skippedContainerDepth--;
                break;
            case CompactType.Map:
                EnterContainer();
                SkipMap();
                _skippedContainerDepth--;
                break;
            case CompactType.Struct:
                BeginStruct();
                while (ReadFieldHeader(out _, out var fieldType))
                {
                    Skip(fieldType);
                }

                EndStruct();
                break;
            default:
                throw Corrupt($"unknown type {(int)type}");
        }
    }

    public InvalidDataException Corrupt(string problem) =>
        new($"Corrupt {context}: {problem} at byte {Position}.");

    /// <summary>Counts a list, set or map being skipped toward the nesting limit: lists of lists recurse as deeply as structs.</summary>
    private void EnterContainer()
    {
        if (_enclosingLastFieldIds.Count + ++_skippedContainerDepth > MaxDepth)
        {
            throw Corrupt($"values nest deeper than {MaxDepth} levels");
        }
    }

    private void SkipElements(int count, CompactType elementType)
    {
        for (var i = 0; i < count; i++)
        {
            if (elementType is CompactType.BooleanTrue or CompactType.BooleanFalse)
            {
                ReadByte();
            }
            else
            {
                Skip(elementType);
            }
        }
    }

    private void SkipMap()
    {
        var count = ReadLength("map");
        if (count == 0)
        {
            return;
        }

        var types = ReadByte();
        var keyType = CheckType((byte)(types >> 4));
        var valueType = CheckType((byte)(types & 0x0F));
        for (var i = 0; i < count; i++)
        {
            SkipElements(1, keyType);
            SkipElements(1, valueType);
        }
    }

    private CompactType CheckType(byte type) =>
        type is >= (byte)CompactType.BooleanTrue and <= (byte)CompactType.Struct ? (CompactType)type : throw Corrupt($"unknown type {type}");

    /// <summary>A length or count, which can never exceed the bytes left (every byte or element takes at least one).</summary>
    private int ReadLength(string what)
    {
        var length = ReadVarint(5);
        if (length > (ulong)(data.Length - Position))
        {
            throw Corrupt($"{what} length {length} runs past the end ({data.Length - Position} bytes left)");
        }

        return (int)length;
    }

    private byte ReadByte() => Take(1, "byte")[0];

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > data.Length - Position)
        {
            throw Corrupt($"{what} runs past the end");
        }

        var span = data.Span.Slice(Position, count);
        Position += count;
        return span;
    }

    private ulong ReadVarint(int maxBytes)
    {
        var position = Position;
        var value = Varint.Read(data.Span, ref position, maxBytes, context);
        Position = position;
        return value;
    }
}
