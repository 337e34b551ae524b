namespace Attendance.Parquet.Format;

/// <summary>What the footer records of one row group.</summary>
internal sealed record RowGroupMetadata(IReadOnlyList<ColumnChunkMetadata> Columns, long RowCount)
{
    public long TotalUncompressedSize => Columns.Sum(c => c.TotalUncompressedSize);

    public long TotalCompressedSize => Columns.Sum(c => c.TotalCompressedSize);

    public long FileOffset => Columns[0].FirstPageOffset;
}
