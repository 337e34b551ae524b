using Attendance.Delta;
using Parquet;
using Parquet.Schema;

namespace Attendance.Export;

/// <summary>
/// An exported table: its folder in the container and its columns. The Parquet schema, the writer's encoding hints
/// and the Delta schema all come from the one column list, so they cannot drift apart.
/// </summary>
public sealed class ExportTable<TRow>
{
    private readonly DataField[] _fields;

    public ExportTable(string path, IEnumerable<ExportColumn<TRow>> columns)
    {
        Path = path;
        Columns = [.. columns];
        _fields = [.. Columns.Select(c => c.CreateField())];

        // Attaches the fields (sets their paths and levels); a row group writer refuses fields that are not attached.
        ParquetSchema = new ParquetSchema(_fields);
        SchemaString = DeltaTable.SchemaString(Columns.Select(c => new DeltaColumn(c.Name, c.DeltaType, c.Nullable)));
    }

    /// <summary>The table's folder in the export container, e.g. <c>attendance</c>.</summary>
    public string Path { get; }

    public IReadOnlyList<ExportColumn<TRow>> Columns { get; }

    /// <summary>The Parquet.Net schema the files are written with, one field per column in <see cref="Columns"/>' order.</summary>
    public ParquetSchema ParquetSchema { get; }

    /// <summary>The Delta <c>schemaString</c> (Spark struct JSON).</summary>
    public string SchemaString { get; }

    internal IReadOnlyList<DataField> Fields => _fields;

    /// <summary>
    /// Snappy (what Power BI, Fabric and DuckDB expect of Delta files) and a dictionary hint for every column marked
    /// <see cref="ExportColumn{TRow}.Dictionary"/>: without hints Parquet.Net 6 writes every string PLAIN.
    /// </summary>
    internal ParquetOptions CreateParquetOptions()
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Dictionary)
            {
                options.ColumnEncodingHints[_fields[i].Path.ToString()] = EncodingHint.Dictionary;
            }
        }

        return options;
    }
}
