namespace Attendance.Parquet.Reading;

/// <summary>What the footer says of one row group: its column chunks in schema order and its row count.</summary>
internal sealed record RowGroupInfo(IReadOnlyList<ColumnChunkInfo> Columns, long RowCount);
