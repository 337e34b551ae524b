namespace Attendance.Parquet.Format;

/// <summary>parquet.thrift <c>Encoding</c>, limited to what Power BI's Arrow C++ reader accepts in v1 pages.</summary>
internal enum ParquetEncoding
{
    Plain = 0,
    Rle = 3,
    RleDictionary = 8,
}
