using System.Reflection;
using Parquet.Meta;

namespace Attendance.Export;

/// <summary>
/// Corrects the footer of a Parquet file the export writes, before it reaches the output, so that every statistic a
/// reader trusts to skip data is right (PROTOCOL: "right or absent, never wrong"):
/// <list type="bullet">
/// <item>timestamp columns are declared TIMESTAMP(UTC, MICROS) (<see cref="ParquetNet769"/>);</item>
/// <item>string bounds are the export's own, in UTF-8 byte order, because Parquet.Net 6.1 orders strings by UTF-16
/// code unit (which puts an emoji below a fullwidth letter); the deprecated <c>min</c>/<c>max</c> fields, which older
/// readers compare as signed bytes, are dropped for strings;</item>
/// <item>a chunk whose values are all null has no min/max (Parquet.Net 6.1 writes 0 for the bounds of an all-null
/// INT64 chunk, which claims a value that is not there);</item>
/// <item><c>column_orders</c> says TYPE_ORDER for every column: without it parquet-format leaves the meaning of
/// <c>min_value</c>/<c>max_value</c> undefined.</item>
/// </list>
/// The last two apply to every Parquet file the product writes, the Delta checkpoints included (<see cref="CorrectAsync"/>).
/// The footer is decoded and encoded by Parquet.Net's own Thrift code, which it does not expose: see
/// <see cref="ParquetThrift"/> and docs/parquet-writer.md for why that beats a Thrift codec of our own.
/// </summary>
internal static class ParquetFooter
{
    /// <summary>
    /// Applies the corrections to <paramref name="footer"/>: <paramref name="columns"/> are the table's columns in
    /// schema order, <paramref name="rowGroups"/> the statistics the export computed for each row group's columns.
    /// </summary>
    public static void Correct<TRow>(FileMetaData footer, IReadOnlyList<ExportColumn<TRow>> columns, IReadOnlyList<ColumnStatistics[]> rowGroups)
    {
        // A flat schema: the root, then one leaf per column.
        if (footer.Schema.Count != columns.Count + 1 || footer.RowGroups.Count != rowGroups.Count)
        {
            throw new InvalidDataException($"The footer has {footer.Schema.Count - 1} columns and {footer.RowGroups.Count} row groups; the export wrote {columns.Count} and {rowGroups.Count}.");
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Type == ExportColumnType.Timestamp)
            {
                ParquetNet769.DeclareTimestamps(footer.Schema[c + 1]);
            }
        }

        for (var g = 0; g < rowGroups.Count; g++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Type == ExportColumnType.String && footer.RowGroups[g].Columns[c].MetaData?.Statistics is { } statistics)
                {
                    var computed = rowGroups[g][c];
                    statistics.MinValue = computed.Min is string min ? System.Text.Encoding.UTF8.GetBytes(min) : null;
                    statistics.MaxValue = computed.Max is string max ? System.Text.Encoding.UTF8.GetBytes(max) : null;
                    statistics.Min = null;
                    statistics.Max = null;
                }
            }
        }

        CorrectAny(footer);
    }

    /// <summary>
    /// The corrections every file gets, whatever wrote it: no bounds on a chunk without values, and TYPE_ORDER for
    /// every leaf column.
    /// </summary>
    public static void CorrectAny(FileMetaData footer)
    {
        foreach (var chunk in footer.RowGroups.SelectMany(g => g.Columns))
        {
            if (chunk.MetaData is { Statistics: { } statistics } metadata && statistics.NullCount == metadata.NumValues)
            {
                (statistics.MinValue, statistics.MaxValue, statistics.Min, statistics.Max) = (null, null, null, null);
            }
        }

        var leaves = footer.Schema.Count(element => element.NumChildren is null or 0);
        footer.ColumnOrders = [.. Enumerable.Range(0, leaves).Select(_ => new ColumnOrder { TYPEORDER = new TypeDefinedOrder() })];
    }

    /// <summary>
    /// Copies a whole Parquet file that another part of Parquet.Net wrote (the serializer, for Delta checkpoints) to
    /// <paramref name="output"/> with <see cref="CorrectAny"/> applied to its footer.
    /// </summary>
    public static async Task CorrectAsync(ReadOnlyMemory<byte> file, Stream output, CancellationToken cancellationToken = default)
    {
        var footerLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(file.Span[^8..]);
        var body = file[..^(footerLength + 8)];
        var stream = new FooterCapturingStream(output);
        await stream.WriteAsync(body, cancellationToken);
        stream.CaptureFooter();
        await stream.WriteAsync(file[^(footerLength + 8)..], cancellationToken);
        await stream.WriteCorrectedFooterAsync(CorrectAny, cancellationToken);
    }
}

/// <summary>
/// Parquet.Net's Thrift compact codec for the footer (<c>FileMetaData.Read</c>/<c>Write</c>), which is internal to it.
/// Reached by reflection, in this one place, for <see cref="ParquetFooter"/>; a Parquet.Net upgrade that renames it
/// fails the first export test with this message rather than writing a wrong file.
/// </summary>
internal static class ParquetThrift
{
    private static readonly Assembly ParquetAssembly = typeof(FileMetaData).Assembly;
    private static readonly System.Type ReaderType = Internal("Parquet.Meta.Proto.ThriftCompactProtocolReader");
    private static readonly System.Type WriterType = Internal("Parquet.Meta.Proto.ThriftCompactProtocolWriter");
    private static readonly MethodInfo ReadMethod = typeof(FileMetaData).GetMethod("Read", BindingFlags.NonPublic | BindingFlags.Static, [ReaderType])
        ?? throw Missing("FileMetaData.Read");
    private static readonly MethodInfo WriteMethod = typeof(FileMetaData).GetMethod("Write", BindingFlags.NonPublic | BindingFlags.Instance, [WriterType])
        ?? throw Missing("FileMetaData.Write");

    public static FileMetaData Read(byte[] footer)
    {
        using var input = new MemoryStream(footer, writable: false);
        return (FileMetaData)ReadMethod.Invoke(null, [Activator.CreateInstance(ReaderType, input)])!;
    }

    public static byte[] Write(FileMetaData footer)
    {
        using var output = new MemoryStream();
        WriteMethod.Invoke(footer, [Activator.CreateInstance(WriterType, output)]);
        return output.ToArray();
    }

    private static System.Type Internal(string name) => ParquetAssembly.GetType(name) ?? throw Missing(name);

    private static InvalidOperationException Missing(string name) => new(
        $"Parquet.Net {ParquetAssembly.GetName().Version} has no {name}; the footer correction (docs/parquet-writer.md) needs updating for this version.");
}
