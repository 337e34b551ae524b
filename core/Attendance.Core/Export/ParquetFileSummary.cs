namespace Attendance.Export;

/// <summary>What the export wrote into one Parquet file: its rows, and each column's statistics over the whole file, in the table's column order.</summary>
public sealed record ParquetFileSummary(long Rows, IReadOnlyList<ColumnStatistics> Columns);
