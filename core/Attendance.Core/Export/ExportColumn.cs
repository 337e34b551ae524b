using Parquet.Schema;

namespace Attendance.Export;

/// <summary>
/// One column of an exported table: its name, type, nullability, whether its values repeat enough to be worth a
/// dictionary, whether Delta file statistics carry it, and how a row fills it. The Parquet field, the Delta schema
/// and the Power BI docs all come from here.
/// </summary>
public sealed class ExportColumn<TRow>
{
    private readonly Func<int, ColumnBuffer<TRow>> _createBuffer;
    private readonly Func<TRow, object?> _storedValue;

    private ExportColumn(string name, ExportColumnType type, bool nullable, bool dictionary, bool skipping, Func<int, ColumnBuffer<TRow>> createBuffer, Func<TRow, object?> storedValue)
    {
        _storedValue = storedValue;
        Name = name;
        Type = type;
        Nullable = nullable;
        Dictionary = dictionary;
        Skipping = skipping;
        _createBuffer = createBuffer;
    }

    public string Name { get; }

    public ExportColumnType Type { get; }

    public bool Nullable { get; }

    /// <summary>
    /// Whether the writer is asked for dictionary encoding. Parquet.Net 6 dictionary-encodes only hinted columns,
    /// and then only when at most 80% of a row group's values are distinct, so a hint on a column that turns out
    /// unique costs a scan of its values and nothing else.
    /// </summary>
    public bool Dictionary { get; }

    /// <summary>
    /// Whether each file's Delta <c>add.stats</c> carries this column's <c>minValues</c>, <c>maxValues</c> and
    /// <c>nullCount</c>, so Delta-aware engines skip files on it: the dates, instants, ids and codes analysts filter and
    /// join on. Free text (names, institutions) is left out, so no participant's text is copied into the log.
    /// </summary>
    public bool Skipping { get; }

    /// <summary>
    /// Text. <paramref name="dictionary"/> for values that repeat (codes, names of places, categories);
    /// <paramref name="skipping"/> for ids and codes that analysts filter on.
    /// </summary>
    public static ExportColumn<TRow> String(string name, Func<TRow, string?> value, bool nullable = false, bool dictionary = false, bool skipping = false) =>
        new(name, ExportColumnType.String, nullable, dictionary, skipping,
            capacity => new ColumnBuffer<TRow, ReadOnlyMemory<char>>(
                name, nullable, capacity, row => value(row)?.AsMemory(), text => text.Length * sizeof(char),
                (a, b) => CodePointOrder.Compare(a.Span, b.Span), text => text.ToString()),
            row => value(row));

    public static ExportColumn<TRow> Int32(string name, Func<TRow, int> value) =>
        new(name, ExportColumnType.Int32, false, false, false,
            capacity => new ColumnBuffer<TRow, int>(name, false, capacity, row => value(row), _ => 0, (a, b) => a.CompareTo(b), n => n),
            row => value(row));

    public static ExportColumn<TRow> Date(string name, Func<TRow, DateOnly> value, bool skipping = false) =>
        new(name, ExportColumnType.Date, false, false, skipping,
            capacity => new ColumnBuffer<TRow, DateOnly>(name, false, capacity, row => value(row), _ => 0, (a, b) => a.CompareTo(b), d => d),
            row => value(row));

    /// <summary>
    /// An instant, stored as UTC microseconds; sub-microsecond ticks are dropped (rounded down). The buffer holds the
    /// microseconds as numbers, so Parquet.Net's statistics come out in microseconds (<see cref="ParquetNet769"/>).
    /// </summary>
    public static ExportColumn<TRow> Timestamp(string name, Func<TRow, DateTimeOffset?> value, bool nullable = false, bool skipping = false) =>
        new(name, ExportColumnType.Timestamp, nullable, false, skipping,
            capacity => new ColumnBuffer<TRow, long>(
                name, nullable, capacity, row => value(row) is { } at ? ParquetNet769.ToMicros(at) : null, _ => 0, (a, b) => a.CompareTo(b), micros => micros),
            row => value(row)?.UtcDateTime);

    /// <summary>Delta's name for the column's type.</summary>
    public string DeltaType => Type switch
    {
        ExportColumnType.String => "string",
        ExportColumnType.Int32 => "integer",
        ExportColumnType.Date => "date",
        ExportColumnType.Timestamp => "timestamp",
        _ => throw new InvalidOperationException($"No Delta type for {Type}."),
    };

    /// <summary>
    /// The Parquet.Net field the writer is given, nullability always stated. Instants are written as INT64
    /// microseconds and declared TIMESTAMP(UTC, MICROS) in the footer (<see cref="ParquetNet769"/>); readers, Parquet.Net
    /// included, see a timestamp column.
    /// </summary>
    internal DataField CreateField() => Type switch
    {
        ExportColumnType.String => new DataField<string>(Name, Nullable),
        ExportColumnType.Int32 => new DataField<int>(Name, Nullable),
        ExportColumnType.Date => new DataField<DateOnly>(Name, Nullable),
        ExportColumnType.Timestamp => ParquetNet769.Field(Name, Nullable),
        _ => throw new InvalidOperationException($"No Parquet field for {Type}."),
    };

    internal ColumnBuffer<TRow> CreateBuffer(int capacity) => _createBuffer(capacity);

    /// <summary>
    /// The row's value as the table's own files give it back (<see cref="StoredRows"/>): text, a number, a day, or an
    /// instant as a UTC <see cref="DateTime"/>; null for null. A row rewritten from the store so sits beside rows read
    /// from a file (<see cref="StoredRowTable"/>).
    /// </summary>
    internal object? StoredValue(TRow row) => _storedValue(row);
}
