namespace Attendance.Parquet.Format;

/// <summary>parquet.thrift <c>Type</c>: how values are stored, before any logical type.</summary>
internal enum PhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Double = 5,
    ByteArray = 6,
}
