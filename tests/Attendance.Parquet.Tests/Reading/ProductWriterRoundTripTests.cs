using Attendance.Parquet.Reading;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>
/// Files of the product's writer read back by the reader: checks that the pair agrees (the writer itself is checked
/// by independent readers in the oracle tests), as the reconciliation relies on it.
/// </summary>
public sealed class ProductWriterRoundTripTests
{
    public static TheoryData<ParquetCompression> Compressions => new(Enum.GetValues<ParquetCompression>());

    [Theory]
    [MemberData(nameof(Compressions))]
    public async Task Every_value_written_is_read_back_across_row_groups_pages_and_dictionary_fallback(ParquetCompression compression)
    {
        var scenario = ProductFiles.Scenario("round-trip", compression, rows: 2500, rowGroupRows: 1000, pageRows: 128, dictionaryBytes: 4096);
        var reader = ParquetFileReader.Open(await ProductFiles.WriteAsync(scenario, TestContext.Current.CancellationToken));

        Assert.Equal(2500, reader.RowCount);
        Assert.Equal(3, reader.RowGroupCount);
        Assert.Equal(scenario.Schema.Columns.Select(c => (c.Name, (ParquetColumnType?)c.Type, c.IsRequired)), reader.Columns.Select(c => (c.Name, c.Type, c.IsRequired)));
        Assert.Equal(Column(scenario, 0), reader.ReadStrings("submission_id"));
        Assert.Equal(Column(scenario, 1), reader.ReadStrings("region"));
        Assert.Equal(Column(scenario, 2), reader.ReadInt32("count").Cast<object?>());
        Assert.Equal(Column(scenario, 3), reader.ReadInt64("sequence").Cast<object?>());
        Assert.Equal(Column(scenario, 4), reader.ReadDoubles("score").Cast<object?>());
        Assert.Equal(Column(scenario, 5), reader.ReadBooleans("present").Cast<object?>());
        Assert.Equal(Column(scenario, 6), reader.ReadDates("day").Cast<object?>());
        Assert.Equal(Column(scenario, 7).Select(v => (object?)TruncateToMicroseconds((DateTimeOffset?)v)), reader.ReadTimestamps("submitted_at").Cast<object?>());
    }

    [Fact]
    public async Task The_submission_ids_outgrow_the_dictionary_so_the_chunk_mixes_dictionary_and_plain_pages()
    {
        var scenario = ProductFiles.Scenario("fallback", ParquetCompression.Snappy, rows: 2500, rowGroupRows: 1000, pageRows: 128, dictionaryBytes: 4096);
        var pages = PageWalker.Pages(await ProductFiles.WriteAsync(scenario, TestContext.Current.CancellationToken));
        var idPages = pages.Where(p => p.Column == "submission_id").Select(p => p.Header.Encoding).ToList();
        Assert.Contains(Format.ParquetEncoding.RleDictionary, idPages);
        Assert.Contains(Format.ParquetEncoding.Plain, idPages.Skip(1));
    }

    [Fact]
    public async Task A_file_without_rows_reads_as_empty_columns()
    {
        var scenario = ProductFiles.Scenario("empty", ParquetCompression.Snappy, rows: 0, rowGroupRows: 1000, pageRows: 128, dictionaryBytes: 4096);
        var reader = ParquetFileReader.Open(await ProductFiles.WriteAsync(scenario, TestContext.Current.CancellationToken));
        Assert.Equal(0, reader.RowCount);
        Assert.Equal(0, reader.RowGroupCount);
        Assert.Empty(reader.ReadStrings("submission_id"));
        Assert.Empty(reader.ReadTimestamps("submitted_at"));
    }

    private static IEnumerable<object?> Column(Oracles.ParquetScenario scenario, int column) => scenario.Rows.Select(r => r[column]);

    // The writer stores whole microseconds, flooring the sub-microsecond ticks.
    private static DateTimeOffset? TruncateToMicroseconds(DateTimeOffset? value) =>
        value is { } instant ? instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerMicrosecond)) : null;
}
