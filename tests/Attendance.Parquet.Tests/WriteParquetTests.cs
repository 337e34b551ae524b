using System.Runtime.CompilerServices;
using Attendance.Parquet.Tests.Oracles;

namespace Attendance.Parquet.Tests;

/// <summary>
/// The write path's contract with the storage layer: row groups leave as they fill (memory stays one group), the file
/// is complete only when the write returns, and a failed or cancelled write leaves no footer behind.
/// </summary>
public sealed class WriteParquetTests
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    [Fact]
    public async Task Each_row_group_reaches_the_stream_when_it_fills_not_when_the_file_ends()
    {
        var stream = new WriteOnlyStream();
        var seen = new List<long>();
        await ParquetFileWriter.WriteAsync(stream, SampleRow.Table, RowsAsync(250, onRow: i => seen.Add(stream.BytesReceived), Ct), new RowGroupLimits(100, 1 << 20), progress: null, Ct);

        // Before row 100 is produced only the leading magic is out; the first group is written once it is full,
        // before the next row is asked for; the second likewise.
        Assert.Equal(Magic.Length, seen[99]);
        Assert.True(seen[100] > seen[99]);
        Assert.Equal(seen[100], seen[199]);
        Assert.True(seen[200] > seen[199]);
        Assert.Equal(Magic, stream.Received[^4..]);
    }

    [Fact]
    public async Task A_null_in_a_required_column_fails_the_write_naming_the_column_and_writes_no_footer()
    {
        var stream = new WriteOnlyStream();
        var rows = new[] { Row(0), Row(1) with { Category = null! } }.ToAsyncEnumerable();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            ParquetFileWriter.WriteAsync(stream, SampleRow.Table, rows, RowGroupLimits.Default, progress: null, Ct));
        Assert.Contains("'category'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Magic, stream.Received);
    }

    [Fact]
    public async Task A_cancelled_write_stops_and_writes_no_footer()
    {
        var stream = new WriteOnlyStream();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ParquetFileWriter.WriteAsync(
            stream, SampleRow.Table, RowsAsync(1000, onRow: i => { if (i == 150) { cancellation.Cancel(); } }, Ct), new RowGroupLimits(100, 1 << 20), progress: null, cancellation.Token));
        Assert.False(stream.Received.AsSpan().EndsWith(Magic) && stream.BytesReceived > Magic.Length, "a footer was written");
    }

    [Fact]
    public async Task Progress_is_reported_every_ten_thousand_rows_with_the_running_count()
    {
        var reports = new List<ExportProgress>();
        var written = await ParquetFileWriter.WriteAsync(new WriteOnlyStream(), SampleRow.Table, RowsAsync(25_000, cancellationToken: Ct), RowGroupLimits.Default, new Progress(reports), Ct);
        Assert.Equal(25_000, written.Rows);
        Assert.Equal([10_000L, 20_000L], reports.Select(r => r.Rows));
        Assert.All(reports, r => Assert.Equal("sample", r.Table));
    }

    [Fact]
    public async Task Limits_that_allow_no_rows_are_refused_before_anything_is_written()
    {
        var stream = new WriteOnlyStream();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            ParquetFileWriter.WriteAsync(stream, SampleRow.Table, RowsAsync(1, cancellationToken: Ct), new RowGroupLimits(0, 1), progress: null, Ct));
        Assert.Equal(0, stream.BytesReceived);
    }

    private static SampleRow Row(int i) =>
        new($"id-{i}", i % 3 == 0 ? null : $"Nur'aini {i}", "Lampung", i, new DateOnly(2024, 5, 6), DateTimeOffset.UnixEpoch.AddSeconds(i), null);

    private static async IAsyncEnumerable<SampleRow> RowsAsync(int count, Action<int>? onRow = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            onRow?.Invoke(i);
            yield return Row(i);
        }

        await Task.CompletedTask;
    }

    /// <summary>Records reports synchronously, unlike <see cref="Progress{T}"/>, which posts them to a context.</summary>
    private sealed class Progress(List<ExportProgress> reports) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => reports.Add(value);
    }
}
