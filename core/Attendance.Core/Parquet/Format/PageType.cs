namespace Attendance.Parquet.Format;

/// <summary>parquet.thrift <c>PageType</c>; only v1 data pages are written, for Power BI.</summary>
internal enum PageType
{
    DataPage = 0,
    DictionaryPage = 2,
}
