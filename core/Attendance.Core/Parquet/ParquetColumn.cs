namespace Attendance.Parquet;

/// <summary>A flat column of a Parquet file: its name, type and whether it may hold nulls.</summary>
/// <param name="Name">The column name as readers show it; names must be unique ignoring case (Delta Lake requires it).</param>
/// <param name="Type">The value type.</param>
/// <param name="IsRequired">True for a REQUIRED column, which rejects nulls; false for OPTIONAL.</param>
public sealed record ParquetColumn(string Name, ParquetColumnType Type, bool IsRequired)
{
    /// <summary>A REQUIRED column: every row has a value.</summary>
    public static ParquetColumn Required(string name, ParquetColumnType type) => new(name, type, true);

    /// <summary>An OPTIONAL column: rows may hold nulls.</summary>
    public static ParquetColumn Optional(string name, ParquetColumnType type) => new(name, type, false);
}
