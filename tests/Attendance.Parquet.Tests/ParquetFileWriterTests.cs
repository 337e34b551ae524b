using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Attendance.Parquet;

namespace Attendance.Parquet.Tests;

/// <summary>The writer's contract with its caller: streaming, framing, and the mistakes it refuses.</summary>
public sealed partial class ParquetFileWriterTests
{
    private static readonly ParquetSchema Schema = new(
        ParquetColumn.Required("name", ParquetColumnType.String),
        ParquetColumn.Optional("day", ParquetColumnType.Date));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Row_groups_reach_the_stream_as_they_fill_not_at_completion()
    {
        var stream = new WriteOnlyStream();
        await using var writer = new ParquetFileWriter(stream, Schema, new ParquetWriterOptions { RowGroupRows = 100 });
        await WriteRowsAsync(writer, 99);
        Assert.Equal(0, stream.BytesReceived);

        await WriteRowsAsync(writer, 1);
        var afterFirstGroup = stream.BytesReceived;
        Assert.True(afterFirstGroup > 4);

        await WriteRowsAsync(writer, 100);
        Assert.True(stream.BytesReceived > afterFirstGroup);
        await writer.CompleteAsync(Cancellation);
        Assert.Equal(200, writer.RowCount);
        Assert.Equal(stream.BytesReceived, writer.BytesWritten);
    }

    [Fact]
    public async Task The_file_is_framed_by_magic_with_the_footer_length_before_the_trailing_magic()
    {
        var stream = new WriteOnlyStream();
        await using (var writer = new ParquetFileWriter(stream, Schema))
        {
            await WriteRowsAsync(writer, 10);
            await writer.CompleteAsync(Cancellation);
        }

        var file = stream.Received;
        Assert.Equal("PAR1"u8.ToArray(), file[..4]);
        Assert.Equal("PAR1"u8.ToArray(), file[^4..]);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        Assert.InRange(footerLength, 1, file.Length - 12);
    }

    [Fact]
    public async Task A_file_without_rows_is_magic_footer_magic()
    {
        var stream = new WriteOnlyStream();
        await using var writer = new ParquetFileWriter(stream, Schema);
        await writer.CompleteAsync(Cancellation);
        var file = stream.Received;
        Assert.Equal(file.Length - 12, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8)));
    }

    [Fact]
    public async Task A_null_in_a_required_column_is_refused_and_the_row_can_still_be_completed()
    {
        await using var writer = new ParquetFileWriter(new WriteOnlyStream(), Schema);
        var error = Assert.Throws<InvalidOperationException>(() => writer.WriteNull(0));
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
        writer.WriteString(0, "Nur'aini");
        writer.WriteNull(1);
        await writer.EndRowAsync(Cancellation);
        Assert.Equal(1, writer.RowCount);
    }

    [Fact]
    public async Task A_row_missing_a_column_is_refused_naming_the_column()
    {
        await using var writer = new ParquetFileWriter(new WriteOnlyStream(), Schema);
        writer.WriteString(0, "a");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.EndRowAsync(Cancellation).AsTask());
        Assert.Contains("'day'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_column_set_twice_in_a_row_is_refused()
    {
        await using var writer = new ParquetFileWriter(new WriteOnlyStream(), Schema);
        writer.WriteString(0, "a");
        Assert.Throws<InvalidOperationException>(() => writer.WriteString(0, "b"));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_refused()
    {
        await using var writer = new ParquetFileWriter(new WriteOnlyStream(), Schema);
        Assert.Throws<ArgumentException>(() => writer.WriteInt32(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteString(2, "x"));
    }

    [Fact]
    public async Task Nothing_can_be_written_after_completion()
    {
        await using var writer = new ParquetFileWriter(new WriteOnlyStream(), Schema);
        await writer.CompleteAsync(Cancellation);
        Assert.Throws<InvalidOperationException>(() => writer.WriteString(0, "late"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.CompleteAsync(Cancellation));
    }

    [Fact]
    public async Task A_row_group_cannot_be_cut_in_the_middle_of_a_row()
    {
        await using var writer = new ParquetFileWriter(new WriteOnlyStream(), Schema);
        writer.WriteString(0, "a");
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.FlushRowGroupAsync(Cancellation));
    }

    [Fact]
    public async Task Cancellation_stops_a_row_group_write()
    {
        await using var writer = new ParquetFileWriter(new WriteOnlyStream(), Schema);
        await WriteRowsAsync(writer, 10);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.CompleteAsync(cancelled.Token));
    }

    [Fact]
    public async Task After_a_failed_row_group_write_the_writer_refuses_to_go_on()
    {
        await using var writer = new ParquetFileWriter(new WriteOnlyStream(), Schema);
        await WriteRowsAsync(writer, 10);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.FlushRowGroupAsync(cancelled.Token));

        var error = Assert.Throws<InvalidOperationException>(() => writer.WriteString(0, "next"));
        Assert.Contains("must be discarded", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.CompleteAsync(Cancellation));
    }

    [Fact]
    public void The_default_created_by_is_what_parquet_java_parses()
    {
        Assert.Matches(CreatedByPattern(), ParquetWriterOptions.DefaultCreatedBy);
        Assert.StartsWith("attendance-analytics version 0.1.0 (build ", ParquetWriterOptions.DefaultCreatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_names_must_be_unique_ignoring_case()
    {
        Assert.Throws<ArgumentException>(() => new ParquetSchema(
            ParquetColumn.Required("Regency", ParquetColumnType.String),
            ParquetColumn.Required("regency", ParquetColumnType.String)));
        Assert.Throws<ArgumentException>(() => new ParquetSchema());
        Assert.Equal(1, Schema.IndexOf("DAY"));
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 1)]
    [InlineData(1, 0, 1, 1, 1)]
    [InlineData(1, 1, 0, 1, 1)]
    [InlineData(1, 1, 1, -1, 1)]
    [InlineData(1, 1, 1, 2, 1)]
    public void Options_that_would_not_bound_pages_row_groups_or_dictionaries_are_refused(int rowGroupRows, int pageBytes, int pageRows, int dictionaryBytes, int maxDictionaryBytes)
    {
        var options = new ParquetWriterOptions { RowGroupRows = rowGroupRows, PageBytes = pageBytes, PageRows = pageRows, DictionaryBytes = dictionaryBytes, MaxDictionaryBytes = maxDictionaryBytes };
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetFileWriter(new WriteOnlyStream(), Schema, options));
    }

    private static async Task WriteRowsAsync(ParquetFileWriter writer, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            writer.WriteString(0, $"peserta {i}");
            writer.WriteDate(1, new DateOnly(2024, 5, 1));
            await writer.EndRowAsync(Cancellation);
        }
    }

    [GeneratedRegex(@"^attendance-analytics version \d+\.\d+\.\d+ \(build ([0-9a-f]{7}|dev)\)$")]
    private static partial Regex CreatedByPattern();
}
