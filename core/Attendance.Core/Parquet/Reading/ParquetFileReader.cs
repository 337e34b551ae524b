using System.Buffers.Binary;
using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>
/// Reads columns of a flat Parquet file held whole in memory (files are read whole from blob storage): the
/// footer is parsed by <see cref="Open"/>, and each <c>Read…</c> call decodes one column of every row group into an
/// array with one element per row, null where the row has none. Reads data pages v1 and v2; PLAIN, dictionary,
/// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT (doubles) and RLE (booleans)
/// values; UNCOMPRESSED, SNAPPY and GZIP pages. That covers this product's writer and DuckDB and arrow-rs with
/// their v1 and v2 settings.
/// </summary>
/// <remarks>
/// Immutable after <see cref="Open"/>, so columns may be read from several threads. A corrupt file fails with
/// <see cref="InvalidDataException"/> saying where; a valid file using something the reader lacks (nested columns,
/// ZSTD or another codec, an encoding outside the list above, encryption, types such as INT96 or DECIMAL) fails
/// with <see cref="NotSupportedException"/> naming it.
/// </remarks>
public sealed class ParquetFileReader
{
    private const int MagicLength = 4;

    private readonly ReadOnlyMemory<byte> _file;
    private readonly FileMetadata _metadata;
    private readonly ColumnDescriptor[] _columns;
    private readonly Dictionary<string, int> _exactIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int?> _caseInsensitiveIndexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly long _dataEnd;

    private ParquetFileReader(ReadOnlyMemory<byte> file, FileMetadata metadata, ColumnDescriptor[] columns, long dataEnd)
    {
        _file = file;
        _metadata = metadata;
        _columns = columns;
        _dataEnd = dataEnd;
        Columns = [.. columns.Select(c => c.Info)];
        for (var i = 0; i < columns.Length; i++)
        {
            _exactIndexes.TryAdd(columns[i].Info.Name, i);

            // A name that differs from another only in case can be looked up only exactly.
            _caseInsensitiveIndexes[columns[i].Info.Name] = _caseInsensitiveIndexes.ContainsKey(columns[i].Info.Name) ? null : i;
        }
    }

    /// <summary>The leaf columns in file order.</summary>
    public IReadOnlyList<ParquetColumnInfo> Columns { get; }

    /// <summary>Rows in the file, over all row groups.</summary>
    public long RowCount => _metadata.RowCount;

    /// <summary>Row groups in the file.</summary>
    public int RowGroupCount => _metadata.RowGroups.Count;

    /// <summary>The footer's created_by (the writing application), if it has one.</summary>
    public string? CreatedBy => _metadata.CreatedBy;

    /// <summary>Parses the footer of a whole Parquet file. The memory is kept and must not change while the reader is used.</summary>
    /// <exception cref="InvalidDataException">The file is not Parquet, is truncated, or its footer is corrupt.</exception>
    /// <exception cref="NotSupportedException">The schema is nested or the footer is encrypted.</exception>
    public static ParquetFileReader Open(ReadOnlyMemory<byte> file)
    {
        var bytes = file.Span;
        if (bytes.Length < 2 * MagicLength + sizeof(int))
        {
            throw new InvalidDataException($"Not a Parquet file: {bytes.Length} bytes is shorter than the smallest possible file.");
        }

        if (bytes[^MagicLength..].SequenceEqual("PARE"u8))
        {
            throw new NotSupportedException("The Parquet file has an encrypted footer; the reader does not decrypt.");
        }

        if (!bytes[..MagicLength].SequenceEqual("PAR1"u8) || !bytes[^MagicLength..].SequenceEqual("PAR1"u8))
        {
            throw new InvalidDataException("Not a Parquet file: it does not start and end with the magic 'PAR1' (truncated or another format).");
        }

        var footerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^(MagicLength + sizeof(int))..]);
        var footerEnd = bytes.Length - MagicLength - sizeof(int);
        if (footerLength == 0 || footerLength > (uint)(footerEnd - MagicLength))
        {
            throw new InvalidDataException($"Corrupt Parquet file: the footer length {footerLength} does not fit in the {bytes.Length}-byte file.");
        }

        var footerStart = footerEnd - (int)footerLength;
        var metadata = FileMetadataReader.Read(file[footerStart..footerEnd]);
        var columns = DescribeColumns(metadata);
        CheckRowGroups(metadata, columns);
        return new ParquetFileReader(file, metadata, columns, footerStart);
    }

    /// <summary>The column with this name: an exact match, else the only one that matches ignoring case.</summary>
    /// <exception cref="KeyNotFoundException">No such column, or several that differ only in case.</exception>
    public ParquetColumnInfo GetColumn(string name) => _columns[IndexOf(name)].Info;

    /// <summary>Reads a <see cref="ParquetColumnType.String"/> column (BYTE_ARRAY with STRING/UTF8, ENUM or JSON).</summary>
    public string?[] ReadStrings(string column)
    {
        var (values, _, _) = Read<string?, StringValueDecoder>(column, ParquetColumnType.String);
        return values;
    }

    /// <summary>Reads an <see cref="ParquetColumnType.Int32"/> column (INT32, unannotated or a signed integer of up to 32 bits).</summary>
    public int?[] ReadInt32(string column)
    {
        var (values, present, _) = Read<int, Int32ValueDecoder>(column, ParquetColumnType.Int32);
        return Project(values, present, v => v);
    }

    /// <summary>Reads a <see cref="ParquetColumnType.Date"/> column (INT32 DATE).</summary>
    /// <exception cref="InvalidDataException">A date lies outside the range of <see cref="DateOnly"/>.</exception>
    public DateOnly?[] ReadDates(string column)
    {
        var (values, present, descriptor) = Read<int, Int32ValueDecoder>(column, ParquetColumnType.Date);
        return Project(values, present, v => ValueConversions.Date(v, descriptor.Info.Name));
    }

    /// <summary>Reads an <see cref="ParquetColumnType.Int64"/> column (INT64, unannotated or a signed 64-bit integer).</summary>
    public long?[] ReadInt64(string column)
    {
        var (values, present, _) = Read<long, Int64ValueDecoder>(column, ParquetColumnType.Int64);
        return Project(values, present, v => v);
    }

    /// <summary>
    /// Reads a <see cref="ParquetColumnType.Timestamp"/> column (INT64 TIMESTAMP in millis, micros or nanos) as UTC
    /// instants. Timestamps not adjusted to UTC (wall-clock, <see cref="ParquetColumnInfo.LogicalType"/> "local") are
    /// returned as if the wall-clock time were UTC; nanoseconds are floored to 100 ns ticks.
    /// </summary>
    /// <exception cref="InvalidDataException">A timestamp lies outside the range of <see cref="DateTimeOffset"/>.</exception>
    public DateTimeOffset?[] ReadTimestamps(string column)
    {
        var (values, present, descriptor) = Read<long, Int64ValueDecoder>(column, ParquetColumnType.Timestamp);
        var unit = descriptor.TimestampUnit!.Value;
        return Project(values, present, v => ValueConversions.Timestamp(v, unit, descriptor.Info.Name));
    }

    /// <summary>Reads a <see cref="ParquetColumnType.Double"/> column (DOUBLE).</summary>
    public double?[] ReadDoubles(string column)
    {
        var (values, present, _) = Read<double, DoubleValueDecoder>(column, ParquetColumnType.Double);
        return Project(values, present, v => v);
    }

    /// <summary>Reads a <see cref="ParquetColumnType.Boolean"/> column (BOOLEAN).</summary>
    public bool?[] ReadBooleans(string column)
    {
        var (values, present, _) = Read<bool, BooleanValueDecoder>(column, ParquetColumnType.Boolean);
        return Project(values, present, v => v);
    }

    private (T[] Values, bool[] Present, ColumnDescriptor Descriptor) Read<T, TDecoder>(string column, ParquetColumnType type)
        where TDecoder : IValueDecoder<T>
    {
        var index = IndexOf(column);
        var descriptor = _columns[index];
        var info = descriptor.Info;
        if (info.Type != type)
        {
            throw info.Type is null
                ? new NotSupportedException($"Column '{info.Name}' is {info.PhysicalType} {info.LogicalType}, which the reader cannot interpret.")
                : new InvalidOperationException($"Column '{info.Name}' is {info.Type}, not {type}.");
        }

        // CheckRowGroups proved the total fits in an array.
        var values = new T[_metadata.RowCount];
        var present = new bool[_metadata.RowCount];
        var start = 0;
        for (var g = 0; g < _metadata.RowGroups.Count; g++)
        {
            var rows = (int)_metadata.RowGroups[g].RowCount;
            ColumnChunkReader.Read<T, TDecoder>(
                _file, _metadata.RowGroups[g].Columns[index], _dataEnd, info, g, values.AsSpan(start, rows), present.AsSpan(start, rows));
            start += rows;
        }

        return (values, present, descriptor);
    }

    private static TOut?[] Project<T, TOut>(T[] values, bool[] present, Func<T, TOut> convert)
        where TOut : struct
    {
        var result = new TOut?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (present[i])
            {
                result[i] = convert(values[i]);
            }
        }

        return result;
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_exactIndexes.TryGetValue(name, out var index))
        {
            return index;
        }

        return _caseInsensitiveIndexes.TryGetValue(name, out var match) && match is { } unique
            ? unique
            : throw new KeyNotFoundException($"The Parquet file has no column '{name}' (columns: {string.Join(", ", Columns.Select(c => c.Name))}).");
    }

    private static ColumnDescriptor[] DescribeColumns(FileMetadata metadata)
    {
        var schema = metadata.Schema;
        if (schema.Count == 0)
        {
            throw new InvalidDataException("Corrupt Parquet footer: the schema is empty.");
        }

        if (schema[0].ChildCount != schema.Count - 1)
        {
            throw new NotSupportedException($"The Parquet schema is nested: the root has {schema[0].ChildCount} children among {schema.Count - 1} elements; the reader supports flat schemas only.");
        }

        var columns = new ColumnDescriptor[schema.Count - 1];
        for (var i = 0; i < columns.Length; i++)
        {
            var element = schema[i + 1];
            if (element.ChildCount != 0 || element.Type is null)
            {
                throw new NotSupportedException($"The Parquet schema is nested: '{element.Name}' is a group; the reader supports flat schemas only.");
            }

            if (element.Repetition == FormatValues.Repeated)
            {
                throw new NotSupportedException($"The Parquet schema is nested: '{element.Name}' is REPEATED; the reader supports flat schemas only.");
            }

            columns[i] = ColumnDescriptor.Describe(element);
        }

        return columns;
    }

    private static void CheckRowGroups(FileMetadata metadata, ColumnDescriptor[] columns)
    {
        long rows = 0;
        for (var g = 0; g < metadata.RowGroups.Count; g++)
        {
            var rowGroup = metadata.RowGroups[g];
            if (rowGroup.RowCount < 0 || rowGroup.Columns.Count != columns.Length)
            {
                throw new InvalidDataException($"Corrupt Parquet footer: row group {g} has {rowGroup.RowCount} rows and {rowGroup.Columns.Count} column chunks for {columns.Length} columns.");
            }

            for (var c = 0; c < columns.Length; c++)
            {
                var path = rowGroup.Columns[c].Path;
                if (path.Count != 1 || path[0] != columns[c].Info.Name)
                {
                    throw new InvalidDataException($"Corrupt Parquet footer: column chunk {c} of row group {g} is '{string.Join('.', path)}', the schema says '{columns[c].Info.Name}'.");
                }
            }

            rows += rowGroup.RowCount;
            if (rows > Array.MaxLength)
            {
                throw new InvalidDataException($"Corrupt Parquet footer: the row groups hold more than {Array.MaxLength} rows.");
            }
        }

        if (rows != metadata.RowCount)
        {
            throw new InvalidDataException($"Corrupt Parquet footer: num_rows is {metadata.RowCount} but the row groups hold {rows}.");
        }
    }
}
