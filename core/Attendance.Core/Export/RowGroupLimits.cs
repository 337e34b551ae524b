namespace Attendance.Export;

/// <summary>
/// When the export closes a Parquet row group: after <see cref="Rows"/> rows, or earlier once the text it holds
/// reaches <see cref="TextBytes"/>. Parquet.Net encodes a row group from whole column arrays, so the writer holds
/// one group's values (and while writing a column, that column's encoded page) in memory: these two numbers bound
/// the export's memory whatever the number of rows a run exports.
/// </summary>
/// <param name="Rows">Rows per row group. Default 131,072 (about DuckDB's 122,880). Measured in docs/benchmarks.md.</param>
/// <param name="TextBytes">
/// UTF-16 bytes of the string values a row group may hold before it is closed early. Default 128 MiB, which the
/// export's usual rows (about 600 bytes of text each) never reach at 131,072 rows; it stops a run of unusually long
/// texts (say 64 KiB each) from making a group of gigabytes.
/// </param>
public sealed record RowGroupLimits(int Rows, long TextBytes)
{
    /// <summary>131,072 rows or 128 MiB of text, whichever comes first.</summary>
    public static RowGroupLimits Default { get; } = new(131_072, 128L * 1024 * 1024);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Rows, nameof(Rows));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TextBytes, nameof(TextBytes));
    }
}
