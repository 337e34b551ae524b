namespace Attendance.Parquet.Tests.Oracles;

/// <summary>
/// One file the oracle tests write with the export's own code (<see cref="ParquetFileWriter.WriteAsync{TRow}"/> and an
/// <see cref="ExportTable{TRow}"/>) and then read with every independent reader: the columns as declared, and the
/// values each row must read back as, computed from the .NET rows by the test, not by the export's column code.
/// </summary>
public sealed class ExportScenario
{
    private readonly Func<Stream, CancellationToken, Task<ParquetFileSummary>> _write;

    private ExportScenario(string name, IReadOnlyList<ScenarioColumn> columns, RowGroupLimits limits, IReadOnlyList<object?[]> expected, Func<Stream, CancellationToken, Task<ParquetFileSummary>> write)
    {
        Name = name;
        Columns = columns;
        Limits = limits;
        Expected = expected;
        _write = write;
    }

    public string Name { get; }

    public IReadOnlyList<ScenarioColumn> Columns { get; }

    public RowGroupLimits Limits { get; }

    /// <summary>One array per row, one value or null per column: string, int, DateOnly or DateTimeOffset.</summary>
    public IReadOnlyList<object?[]> Expected { get; }

    public static ExportScenario Of<TRow>(string name, ExportTable<TRow> table, RowGroupLimits limits, IReadOnlyList<TRow> rows, Func<TRow, object?[]> expected) =>
        new(name,
            [.. table.Columns.Select(c => new ScenarioColumn(c.Name, c.Type, c.Nullable, c.Dictionary))],
            limits,
            [.. rows.Select(expected)],
            (stream, cancellationToken) => ParquetFileWriter.WriteAsync(stream, table, rows.ToAsyncEnumerable(), limits, progress: null, cancellationToken));

    /// <summary>Writes the file as the export does, to a forward-only stream like the blob upload; returns what the export reports of it.</summary>
    public Task<ParquetFileSummary> WriteAsync(Stream stream, CancellationToken cancellationToken = default) => _write(stream, cancellationToken);

    public override string ToString() => Name;
}

/// <summary>A column as the export declares it.</summary>
public sealed record ScenarioColumn(string Name, ExportColumnType Type, bool Nullable, bool Dictionary);
