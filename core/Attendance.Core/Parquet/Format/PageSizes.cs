namespace Attendance.Parquet.Format;

/// <summary>Bytes a page took in the column chunk, header included, before and after compression.</summary>
internal readonly record struct PageSizes(long Uncompressed, long Compressed);
