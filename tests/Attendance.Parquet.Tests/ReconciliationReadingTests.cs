using Attendance.Parquet.Tests.Oracles;

namespace Attendance.Parquet.Tests;

/// <summary>
/// How <c>attendance verify</c> reads an exported file (<see cref="Reconciliation"/>, with Parquet.Net): every row of
/// every row group, every column found by name, in the form verify compares with the store. This checks the reconciliation's reading code, not the files: the
/// independent readers of <see cref="ExportedFileTests"/> do that.
/// </summary>
public sealed class ReconciliationReadingTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_row_of_every_row_group_is_read_with_its_event_submission_and_day(bool includeNames)
    {
        var rows = Scenarios.AttendanceRows(2500);
        var file = await WriteAsync(AnalyticsTables.Attendance(includeNames), rows, new RowGroupLimits(1000, 1 << 20));

        var definition = AnalyticsTables.Attendance(includeNames);
        var read = await Reconciliation.ReadAttendanceRowsAsync(file, definition, Ct);

        Assert.Equal(
            rows.Select(r => (r.Stored.Submission.EventId, r.Stored.SubmissionId, r.Stored.Submission.SessionDate)),
            read.Select(r => Reconciliation.KeyOf(definition, r)));

        // Every value as the store's record gives it: what verify compares to find a change not applied.
        Assert.All(rows.Zip(read), pair =>
            Assert.True(StoredRows.SameValues(definition.Columns, [.. definition.Columns.Select(c => c.StoredValue(pair.First))], pair.Second), pair.First.Stored.SubmissionId));
    }

    [Fact]
    public async Task A_file_without_rows_reads_as_no_keys()
    {
        var file = await WriteAsync(AnalyticsTables.Attendance(includeNames: false), [], RowGroupLimits.Default);
        Assert.Empty(await Reconciliation.ReadAttendanceRowsAsync(file, AnalyticsTables.Attendance(includeNames: false), Ct));
    }

    [Fact]
    public async Task A_file_that_is_not_an_attendance_file_is_refused_naming_the_missing_column()
    {
        var file = await WriteAsync(SampleRow.Table, [new SampleRow("a", null, "c", 1, new DateOnly(2024, 5, 6), DateTimeOffset.UnixEpoch, null)], RowGroupLimits.Default);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Reconciliation.ReadAttendanceRowsAsync(file, AnalyticsTables.Attendance(includeNames: false), Ct));
        Assert.Contains("'event_id'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ReadOnlyMemory<byte>> WriteAsync<TRow>(ExportTable<TRow> table, IReadOnlyList<TRow> rows, RowGroupLimits limits)
    {
        var stream = new WriteOnlyStream();
        await ParquetFileWriter.WriteAsync(stream, table, rows.ToAsyncEnumerable(), limits, progress: null, Ct);
        return stream.Received;
    }
}
