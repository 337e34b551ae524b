using Attendance.Delta;
using Attendance.Parquet;

namespace Attendance.Export;

/// <summary>
/// An exported table: its folder in the container and its columns. The Parquet schema and the Delta schema
/// both come from the one column list, so they cannot drift apart.
/// </summary>
public sealed class ExportTable<TRow>
{
    public ExportTable(string path, IEnumerable<ExportColumn<TRow>> columns)
    {
        Path = path;
        Columns = [.. columns];
        ParquetSchema = new ParquetSchema(Columns.Select(c => new ParquetColumn(c.Name, c.Type, IsRequired: !c.Nullable)));
        SchemaString = DeltaTable.SchemaString(Columns.Select(c => new DeltaColumn(c.Name, c.DeltaType, c.Nullable)));
    }

    /// <summary>The table's folder in the export container, e.g. <c>attendance</c>.</summary>
    public string Path { get; }

    public IReadOnlyList<ExportColumn<TRow>> Columns { get; }

    public ParquetSchema ParquetSchema { get; }

    /// <summary>The Delta <c>schemaString</c> (Spark struct JSON).</summary>
    public string SchemaString { get; }

    /// <summary>Writes one row; the writer flushes a full row group to its stream here.</summary>
    public ValueTask WriteRowAsync(ParquetFileWriter writer, TRow row, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            Columns[i].Write(writer, i, row);
        }

        return writer.EndRowAsync(cancellationToken);
    }
}
