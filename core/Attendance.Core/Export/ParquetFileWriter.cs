using Parquet;
using Parquet.Schema;

namespace Attendance.Export;

/// <summary>
/// Writes an exported table's rows as one Parquet file with Parquet.Net: row groups bounded by
/// <see cref="RowGroupLimits"/>, each column through its <see cref="ColumnBuffer{TRow}"/>, and the footer's
/// statistics corrected (<see cref="ParquetFooter"/>). Knows nothing of Delta or blobs; the callers commit the file.
/// </summary>
public static class ParquetFileWriter
{
    /// <summary>The media type the export's Parquet blobs are stored with.</summary>
    public const string ContentType = "application/vnd.apache.parquet";

    /// <summary>
    /// Writes <paramref name="rows"/> as one Parquet file to <paramref name="output"/>, one row group at a time as
    /// <paramref name="limits"/> close them, so memory holds one row group whatever the file's size; returns the row
    /// count and each column's statistics over the file. The footer's statistics are corrected before it is written
    /// (<see cref="ParquetFooter"/>). The output is only written forward (a blob upload stream works); it is flushed
    /// before every page and not disposed. The file is complete only when this returns: on an exception no footer is
    /// written.
    /// </summary>
    public static async Task<ParquetFileSummary> WriteAsync<TRow>(
        Stream output,
        ExportTable<TRow> definition,
        IAsyncEnumerable<TRow> rows,
        RowGroupLimits limits,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        limits.Validate();
        var fields = definition.Fields;
        var buffers = definition.Columns.Select(c => c.CreateBuffer(limits.Rows)).ToArray();
        var groups = new List<ColumnStatistics[]>();
        var stream = new FooterCapturingStream(output);

        // Not disposed on failure on purpose: disposing writes the footer, which would make a half-written file
        // look complete to whoever reads the stream.
        var writer = await ParquetWriter.CreateAsync(definition.ParquetSchema, stream, definition.CreateParquetOptions(), cancellationToken: cancellationToken);
        long count = 0;
        var inGroup = 0;
        long textBytes = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var buffer in buffers)
            {
                textBytes += buffer.Add(inGroup, row);
            }

            inGroup++;
            if (inGroup == limits.Rows || textBytes >= limits.TextBytes)
            {
                groups.Add(await WriteRowGroupAsync(writer, fields, buffers, inGroup, cancellationToken));
                (inGroup, textBytes) = (0, 0);
            }

            if (++count % 10_000 == 0)
            {
                progress?.Report(new ExportProgress(definition.Path, "writing", count));
            }
        }

        if (inGroup > 0)
        {
            groups.Add(await WriteRowGroupAsync(writer, fields, buffers, inGroup, cancellationToken));
        }

        stream.CaptureFooter();
        await writer.DisposeAsync();
        await stream.WriteCorrectedFooterAsync(footer => ParquetFooter.Correct(footer, definition.Columns, groups), cancellationToken);
        var columns = definition.Columns.Select((_, c) => groups.Aggregate(ColumnStatistics.Empty, (file, group) => file.Merge(group[c]))).ToList();
        return new ParquetFileSummary(count, columns);
    }

    private static async Task<ColumnStatistics[]> WriteRowGroupAsync<TRow>(ParquetWriter writer, IReadOnlyList<DataField> fields, ColumnBuffer<TRow>[] buffers, int rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        var statistics = new ColumnStatistics[buffers.Length];
        for (var i = 0; i < buffers.Length; i++)
        {
            statistics[i] = await buffers[i].WriteAsync(group, fields[i], rows, cancellationToken);
        }

        group.CompleteValidate();
        return statistics;
    }
}
