namespace Attendance.Parquet.Reading;

/// <summary>parquet.thrift <c>TimeUnit</c>: the unit of a TIMESTAMP's INT64 value since the Unix epoch.</summary>
internal enum TimeUnit
{
    Millis = 1,
    Micros = 2,
    Nanos = 3,
}
