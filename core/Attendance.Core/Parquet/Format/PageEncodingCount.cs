namespace Attendance.Parquet.Format;

/// <summary>parquet.thrift <c>PageEncodingStats</c>: how many pages of a chunk have this type and encoding.</summary>
internal readonly record struct PageEncodingCount(PageType PageType, ParquetEncoding Encoding, int Count);
