using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Attendance.Parquet.Buffers;
using Attendance.Parquet.Columns;
using Attendance.Parquet.Format;

namespace Attendance.Parquet;

/// <summary>
/// Streams rows into a Parquet file: set each column of a row with the typed <c>Write…</c> methods (or
/// <see cref="WriteNull"/>), end it with <see cref="EndRowAsync"/>, and finish with <see cref="CompleteAsync"/>.
/// Row groups are written to the stream as they fill (<see cref="ParquetWriterOptions.RowGroupRows"/> or
/// <see cref="ParquetWriterOptions.RowGroupBytes"/>), so memory stays bounded whatever the file size, and the
/// stream only needs to support writing (a blob upload, a file, memory).
/// </summary>
/// <remarks>
/// Not thread-safe. The stream is left open. Disposing without <see cref="CompleteAsync"/> abandons the file:
/// no footer is written, so no reader will mistake a partial file for a complete one.
/// </remarks>
public sealed class ParquetFileWriter : IAsyncDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    // How many rows may pass between checks of the row group's byte budget, and how many string bytes:
    // summing every column's buffers on every row would cost more than writing the row.
    private const int BudgetCheckRows = 1024;
    private const long BudgetCheckStringBytes = 1024 * 1024;

    private readonly Stream _stream;
    private readonly ParquetWriterOptions _options;
    private readonly ColumnWriter[] _columns;

    // One array per Write method, holding the writer where the column has that type and null elsewhere: the
    // typed lookup is also the type check, with no cast on the per-value path.
    private readonly StringColumnWriter?[] _strings;
    private readonly NumberColumnWriter<int>?[] _int32s;
    private readonly NumberColumnWriter<int>?[] _dates;
    private readonly NumberColumnWriter<long>?[] _int64s;
    private readonly NumberColumnWriter<long>?[] _timestamps;
    private readonly NumberColumnWriter<double>?[] _doubles;
    private readonly BooleanColumnWriter?[] _booleans;
    private readonly List<RowGroupMetadata> _rowGroups = [];
    private long _position;
    private int _rowGroupRows;
    private long _stringBytesSinceBudgetCheck;
    private bool _completed;
    private bool _disposed;
    private bool _failed;

    // Set with any of the three above, so the per-value check reads one field.
    private bool _closed;

    /// <summary>Prepares a file with <paramref name="schema"/>; nothing is written to <paramref name="stream"/> until the first row group fills.</summary>
    /// <param name="stream">A writable stream; the writer does not dispose it.</param>
    /// <param name="schema">The columns, in file order.</param>
    /// <param name="options">Sizes and codec; null for the defaults of <see cref="ParquetWriterOptions"/>.</param>
    public ParquetFileWriter(Stream stream, ParquetSchema schema, ParquetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream must be writable.", nameof(stream));
        }

        // PLAIN values are copied from memory as they are; that layout is little-endian only on little-endian machines.
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The Parquet writer requires a little-endian machine.");
        }

        _options = options ?? new ParquetWriterOptions();
        _options.Validate();
        _stream = stream;
        Schema = schema;
        var pageWriter = new PageWriter(_options.Compression, _options.PageBytes);
        _columns = [.. schema.Columns.Select(c => CreateColumnWriter(c, pageWriter, _options))];
        _strings = Typed<StringColumnWriter>(ParquetColumnType.String);
        _int32s = Typed<NumberColumnWriter<int>>(ParquetColumnType.Int32);
        _dates = Typed<NumberColumnWriter<int>>(ParquetColumnType.Date);
        _int64s = Typed<NumberColumnWriter<long>>(ParquetColumnType.Int64);
        _timestamps = Typed<NumberColumnWriter<long>>(ParquetColumnType.Timestamp);
        _doubles = Typed<NumberColumnWriter<double>>(ParquetColumnType.Double);
        _booleans = Typed<BooleanColumnWriter>(ParquetColumnType.Boolean);
    }

    /// <summary>The file's columns.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Rows ended so far, in all row groups.</summary>
    public long RowCount { get; private set; }

    /// <summary>Bytes written to the stream so far.</summary>
    public long BytesWritten => _position;

    /// <summary>Sets a STRING column of the current row; null writes a null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteString(int column, string? value)
    {
        if (value is null)
        {
            WriteNull(column);
            return;
        }

        WriteString(column, value.AsSpan());
    }

    /// <summary>Sets a STRING column of the current row from UTF-16 text, encoded as UTF-8 (unpaired surrogates become U+FFFD).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteString(int column, ReadOnlySpan<char> value)
    {
        var writer = Writable(_strings, column, ParquetColumnType.String);
        _stringBytesSinceBudgetCheck += value.Length;
        writer.Append(value);
    }

    /// <summary>Sets a STRING column of the current row from bytes that are already UTF-8 (not validated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteUtf8(int column, ReadOnlySpan<byte> value)
    {
        var writer = Writable(_strings, column, ParquetColumnType.String);
        _stringBytesSinceBudgetCheck += value.Length;
        writer.AppendUtf8(value);
    }

    /// <summary>Sets an INT32 column of the current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteInt32(int column, int value) => Writable(_int32s, column, ParquetColumnType.Int32).Append(value);

    /// <summary>Sets an INT64 column of the current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteInt64(int column, long value) => Writable(_int64s, column, ParquetColumnType.Int64).Append(value);

    /// <summary>Sets a DOUBLE column of the current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDouble(int column, double value) => Writable(_doubles, column, ParquetColumnType.Double).Append(value);

    /// <summary>Sets a BOOLEAN column of the current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteBoolean(int column, bool value) => Writable(_booleans, column, ParquetColumnType.Boolean).Append(value);

    /// <summary>Sets a DATE column of the current row (days since 1970-01-01).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDate(int column, DateOnly value) =>
        Writable(_dates, column, ParquetColumnType.Date).Append(value.DayNumber - UnixEpochDayNumber);

    /// <summary>Sets a TIMESTAMP column of the current row: the instant in UTC, in whole microseconds (sub-microsecond ticks are floored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteTimestamp(int column, DateTimeOffset value)
    {
        var writer = Writable(_timestamps, column, ParquetColumnType.Timestamp);
        var micros = Math.DivRem(value.UtcTicks - UnixEpochTicks, TimeSpan.TicksPerMicrosecond, out var remainder);
        writer.Append(remainder < 0 ? micros - 1 : micros);
    }

    /// <summary>Sets an OPTIONAL column of the current row to null.</summary>
    /// <exception cref="InvalidOperationException">The column is REQUIRED.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteNull(int column) => Writable(_columns, column, null).AppendNull();

    /// <summary>
    /// Ends the current row, which must have had every column set exactly once. Completes synchronously except
    /// when the row fills the row group, which is then written to the stream.
    /// </summary>
    /// <exception cref="InvalidOperationException">A column of the row was not set.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValueTask EndRowAsync(CancellationToken cancellationToken = default)
    {
        // Each column counts its own values, so a failed write (a null refused) leaves nothing half-counted.
        foreach (var column in _columns)
        {
            if (column.ValueCount == _rowGroupRows)
            {
                throw new InvalidOperationException($"Row {RowCount} has no value for column '{column.Column.Name}'; write a value or a null for every column.");
            }
        }

        _rowGroupRows++;
        RowCount++;
        if (_rowGroupRows >= _options.RowGroupRows)
        {
            return new ValueTask(FlushRowGroupAsync(cancellationToken));
        }

        if ((_rowGroupRows % BudgetCheckRows == 0 || _stringBytesSinceBudgetCheck >= BudgetCheckStringBytes) && OverByteBudget())
        {
            return new ValueTask(FlushRowGroupAsync(cancellationToken));
        }

        return default;
    }

    /// <summary>Writes the rows ended so far as a row group, if there are any. Normally automatic; call it to cut a row group early.</summary>
    /// <exception cref="InvalidOperationException">A row has been started but not ended.</exception>
    public async Task FlushRowGroupAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        if (_columns.Any(c => c.ValueCount != _rowGroupRows))
        {
            throw new InvalidOperationException("A row group cannot be written in the middle of a row; end the row first.");
        }

        if (_rowGroupRows == 0)
        {
            return;
        }

        // A row group that fails half-way has reset the columns it wrote, so the file cannot be finished: the
        // writer refuses everything after it and the caller discards the upload.
        _failed = _closed = true;
        await WriteMagicOnceAsync(cancellationToken);
        var chunks = new ColumnChunkMetadata[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                chunks[i] = await _columns[i].WriteChunkAsync(_stream, _position, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new IOException($"Failed to write column '{_columns[i].Column.Name}' of row group {_rowGroups.Count}.", ex);
            }

            _position += chunks[i].TotalCompressedSize;
        }

        _rowGroups.Add(new RowGroupMetadata(chunks, _rowGroupRows));
        _rowGroupRows = 0;
        _stringBytesSinceBudgetCheck = 0;
        _failed = _closed = false;
    }

    /// <summary>Writes the last row group and the footer, and flushes the stream. The file is complete only after this.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        await FlushRowGroupAsync(cancellationToken);
        await WriteMagicOnceAsync(cancellationToken);
        var footer = new ByteBuffer(16 * 1024);
        FileMetadataWriter.Write(footer, Schema, _rowGroups, _options.CreatedBy);
        var footerLength = footer.Length;
        footer.WriteInt32LittleEndian(footerLength);
        footer.Write(Magic);
        await _stream.WriteAsync(footer.WrittenMemory, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
        _position += footer.Length;
        _completed = _closed = true;
    }

    /// <summary>
    /// Ends the writer: later calls throw, and its buffers go with it to the garbage collector. Does not complete the
    /// file (call <see cref="CompleteAsync"/> first) and does not dispose the stream.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        _disposed = _closed = true;
        return default;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Writable<T>(T?[] writers, int column, ParquetColumnType? type)
        where T : ColumnWriter
    {
        var writer = (uint)column < (uint)writers.Length ? writers[column] : null;
        if (writer is null || writer.ValueCount != _rowGroupRows || _closed)
        {
            ThrowNotWritable(column, type);
        }

        return writer;
    }

    [DoesNotReturn]
    private void ThrowNotWritable(int column, ParquetColumnType? type)
    {
        ThrowIfClosed();
        if ((uint)column >= (uint)_columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"The schema has {_columns.Length} columns.");
        }

        var writer = _columns[column];
        if (type is { } expected && writer.Column.Type != expected)
        {
            throw new ArgumentException($"Column '{writer.Column.Name}' is {writer.Column.Type}, not {expected}.", nameof(column));
        }

        throw new InvalidOperationException($"Column '{writer.Column.Name}' was already set in row {RowCount}; end the row first.");
    }

    private T?[] Typed<T>(ParquetColumnType type)
        where T : ColumnWriter =>
        [.. _columns.Select(c => c.Column.Type == type ? (T)c : null)];

    private bool OverByteBudget()
    {
        _stringBytesSinceBudgetCheck = 0;
        long total = 0;
        foreach (var column in _columns)
        {
            total += column.BufferedBytes;
        }

        return total >= _options.RowGroupBytes;
    }

    private async ValueTask WriteMagicOnceAsync(CancellationToken cancellationToken)
    {
        if (_position == 0)
        {
            await _stream.WriteAsync(Magic, cancellationToken);
            _position = Magic.Length;
        }
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failed)
        {
            throw new InvalidOperationException("An earlier row group failed to write; the file is incomplete and must be discarded.");
        }

        if (_completed)
        {
            throw new InvalidOperationException("The Parquet file is already complete.");
        }
    }

    private static ColumnWriter CreateColumnWriter(ParquetColumn column, PageWriter pageWriter, ParquetWriterOptions options) =>
        column.Type switch
        {
            ParquetColumnType.String => new StringColumnWriter(column, pageWriter, options),
            ParquetColumnType.Int32 or ParquetColumnType.Date => new NumberColumnWriter<int>(column, pageWriter, options),
            ParquetColumnType.Int64 or ParquetColumnType.Timestamp => new NumberColumnWriter<long>(column, pageWriter, options),
            ParquetColumnType.Double => new NumberColumnWriter<double>(column, pageWriter, options),
            ParquetColumnType.Boolean => new BooleanColumnWriter(column, pageWriter, options),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
        };
}
