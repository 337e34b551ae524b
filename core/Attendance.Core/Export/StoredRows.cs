using System.Runtime.CompilerServices;
using Attendance.Delta;
using Attendance.Storage;
using Azure.Storage.Blobs;
using Parquet;
using Parquet.Schema;

namespace Attendance.Export;

/// <summary>
/// Reads a table's own data files back as rows, one value per column of the definition in its order (the form
/// <see cref="StoredRowTable"/> writes), a row group at a time, each column read by name with its own type. A column
/// the file lacks (added to the schema later) is null, as Delta readers take it. Compaction and the copy-on-write of
/// changes (<see cref="AttendanceFileRewrite"/>) read through here.
/// </summary>
internal static class StoredRows
{
    /// <summary>The rows of the live file <paramref name="path"/> of <paramref name="table"/>.</summary>
    public static async IAsyncEnumerable<object?[]> ReadAsync<TRow>(
        BlobContainerClient container, DeltaTable table, string path, IReadOnlyList<ExportColumn<TRow>> columns,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var content = await container.DownloadIfExistsAsync(table.FileBlobName(path), cancellationToken)
            ?? throw new InvalidDataException($"The live file {path} of the {table.Path} table is missing.");
        using var stream = content.ToStream();
        await foreach (var row in ReadAsync(stream, columns, [], cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The rows of the Parquet file in <paramref name="stream"/>; a file without one of the <paramref name="required"/>
    /// columns is refused, naming it.
    /// </summary>
    public static async IAsyncEnumerable<object?[]> ReadAsync<TRow>(
        Stream stream, IReadOnlyList<ExportColumn<TRow>> columns, IReadOnlyCollection<string> required,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: cancellationToken);
        if (required.FirstOrDefault(name => reader.Schema.DataFields.All(f => f.Name != name)) is { } missing)
        {
            throw new InvalidDataException($"The file has no column '{missing}'.");
        }

        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var values = new Array?[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var field = reader.Schema.DataFields.SingleOrDefault(f => f.Name == columns[c].Name);
                values[c] = field is null ? null : await ReadColumnAsync(group, field, columns[c].Type, count, cancellationToken);
            }

            for (var r = 0; r < count; r++)
            {
                var row = new object?[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    row[c] = values[c]?.GetValue(r);
                }

                yield return row;
            }
        }
    }

    /// <summary>
    /// Whether two rows in this form hold the same values: text ordinally, instants to the microsecond the files keep
    /// (a row made from the store carries the full instant).
    /// </summary>
    public static bool SameValues<TRow>(IReadOnlyList<ExportColumn<TRow>> columns, object?[] a, object?[] b)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var same = (a[c], b[c]) switch
            {
                (null, null) => true,
                (null, _) or (_, null) => false,
                (DateTime x, DateTime y) => Micros(x) == Micros(y),
                (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
                var (x, y) => x.Equals(y),
            };
            if (!same)
            {
                return false;
            }
        }

        return true;

        static long Micros(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).Ticks / 10;
    }

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, ExportColumnType type, int count, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case ExportColumnType.String:
                var strings = new string?[count];
                await group.ReadAsync(field, strings.AsMemory()!, cancellationToken: cancellationToken);
                return strings;
            case ExportColumnType.Int32:
                return await ReadStructAsync<int>(group, field, count, cancellationToken);
            case ExportColumnType.Date:
                return await ReadStructAsync<DateOnly>(group, field, count, cancellationToken);
            case ExportColumnType.Timestamp:
                return await ReadStructAsync<DateTime>(group, field, count, cancellationToken);
            default:
                throw new InvalidOperationException($"No reader for {type}.");
        }
    }

    private static async Task<Array> ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync(field, nullable.AsMemory(), cancellationToken: cancellationToken);
            return nullable;
        }

        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: cancellationToken);
        return values;
    }
}
