namespace Attendance.Parquet.Format;

/// <summary>parquet.thrift <c>FieldRepetitionType</c>; flat schemas never repeat.</summary>
internal enum FieldRepetitionType
{
    Required = 0,
    Optional = 1,
}
