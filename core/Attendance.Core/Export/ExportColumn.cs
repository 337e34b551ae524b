using Parquet.Schema;

namespace Attendance.Export;

/// <summary>
/// One column of an exported table: its name, type, nullability, whether its values repeat enough to be worth a
/// dictionary, and how a row fills it. The Parquet field, the Delta schema and the Power BI docs all come from here.
/// </summary>
public sealed class ExportColumn<TRow>
{
    private readonly Func<int, ColumnBuffer<TRow>> _createBuffer;

    private ExportColumn(string name, ExportColumnType type, bool nullable, bool dictionary, Func<int, ColumnBuffer<TRow>> createBuffer)
    {
        Name = name;
        Type = type;
        Nullable = nullable;
        Dictionary = dictionary;
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

    /// <summary>Text. <paramref name="dictionary"/> for values that repeat (codes, names of places, categories).</summary>
    public static ExportColumn<TRow> String(string name, Func<TRow, string?> value, bool nullable = false, bool dictionary = false) =>
        new(name, ExportColumnType.String, nullable, dictionary,
            capacity => new ColumnBuffer<TRow, ReadOnlyMemory<char>>(name, nullable, capacity, row => value(row)?.AsMemory(), text => text.Length * sizeof(char)));

    public static ExportColumn<TRow> Int32(string name, Func<TRow, int> value) =>
        new(name, ExportColumnType.Int32, false, false,
            capacity => new ColumnBuffer<TRow, int>(name, false, capacity, row => value(row), _ => 0));

    public static ExportColumn<TRow> Date(string name, Func<TRow, DateOnly> value) =>
        new(name, ExportColumnType.Date, false, false,
            capacity => new ColumnBuffer<TRow, DateOnly>(name, false, capacity, row => value(row), _ => 0));

    /// <summary>An instant, stored as UTC microseconds; sub-microsecond ticks are dropped (rounded down).</summary>
    public static ExportColumn<TRow> Timestamp(string name, Func<TRow, DateTimeOffset?> value, bool nullable = false) =>
        new(name, ExportColumnType.Timestamp, nullable, false,
            capacity => new ColumnBuffer<TRow, DateTime>(name, nullable, capacity, row => value(row)?.UtcDateTime, _ => 0));

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
    /// The Parquet.Net field, nullability always stated. Instants are a <see cref="DateTimeDataField"/> with the
    /// logical TIMESTAMP(UTC, MICROS) type: a plain <c>DateTime</c> field would be written as INT96.
    /// </summary>
    internal DataField CreateField() => Type switch
    {
        ExportColumnType.String => new DataField<string>(Name, Nullable),
        ExportColumnType.Int32 => new DataField<int>(Name, Nullable),
        ExportColumnType.Date => new DataField<DateOnly>(Name, Nullable),
        ExportColumnType.Timestamp => new DateTimeDataField(Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, isNullable: Nullable),
        _ => throw new InvalidOperationException($"No Parquet field for {Type}."),
    };

    internal ColumnBuffer<TRow> CreateBuffer(int capacity) => _createBuffer(capacity);
}
