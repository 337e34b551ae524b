namespace Attendance.Parquet.Thrift;

/// <summary>Type ids of the Thrift compact protocol (apache/thrift doc/specs/thrift-compact-protocol.md).</summary>
internal enum CompactType : byte
{
    BooleanTrue = 1,
    BooleanFalse = 2,
    Byte = 3,
    I16 = 4,
    I32 = 5,
    I64 = 6,
    Double = 7,
    Binary = 8,
    List = 9,
    Set = 10,
    Map = 11,
    Struct = 12,
}
