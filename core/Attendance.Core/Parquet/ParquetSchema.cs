namespace Attendance.Parquet;

/// <summary>The flat schema of a Parquet file: its columns in file order. A column's position is its index in the writer's calls.</summary>
public sealed class ParquetSchema
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a schema from at least one column.</summary>
    /// <exception cref="ArgumentException">No columns, an empty name, or names that collide ignoring case.</exception>
    public ParquetSchema(IEnumerable<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
        if (Columns.Count == 0)
        {
            throw new ArgumentException("A Parquet schema needs at least one column.", nameof(columns));
        }

        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i] ?? throw new ArgumentException($"Column {i} is null.", nameof(columns));
            if (string.IsNullOrEmpty(column.Name))
            {
                throw new ArgumentException($"Column {i} has no name.", nameof(columns));
            }

            if (!Enum.IsDefined(column.Type))
            {
                throw new ArgumentException($"Column '{column.Name}' has an unknown type {column.Type}.", nameof(columns));
            }

            // Delta Lake and Power BI treat names case-insensitively, so a case-only difference would collide there.
            if (!_indexes.TryAdd(column.Name, i))
            {
                throw new ArgumentException($"Column name '{column.Name}' is used twice (names are compared ignoring case).", nameof(columns));
            }
        }
    }

    /// <summary>Creates a schema from at least one column.</summary>
    public ParquetSchema(params ParquetColumn[] columns)
        : this((IEnumerable<ParquetColumn>)columns)
    {
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<ParquetColumn> Columns { get; }

    /// <summary>The position of the column with this name (ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public int IndexOf(string name) =>
        _indexes.TryGetValue(name, out var index) ? index : throw new KeyNotFoundException($"The schema has no column '{name}'.");
}
