namespace Attendance.Parquet.Format;

/// <summary>parquet.thrift <c>ConvertedType</c>, the legacy annotation older readers still rely on.</summary>
internal enum ConvertedType
{
    Utf8 = 0,
    Date = 6,
    TimestampMicros = 10,
}
