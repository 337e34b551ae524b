using System.Text.Json;
using System.Text.Json.Nodes;
using Attendance.Parquet;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>Files written by the writer, read back by DuckDB, arrow-rs and hyparquet, never by the writer's own code.</summary>
public sealed class IndependentReaderTests(OracleFixture fixture) : IClassFixture<OracleFixture>
{
    public static TheoryData<string> ScenarioNames => new(Scenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_reader_returns_the_values_and_nulls_that_were_written(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var columns = reading.Scenario.Schema.Columns;
        foreach (var (reader, values) in new[] { ("duckdb", reading.DuckDb), ("arrow-rs", reading.ArrowRs), ("hyparquet", reading.Hyparquet) })
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var actual = values.GetProperty("values").GetProperty(columns[c].Name).EnumerateArray().ToList();
                Assert.Equal(reading.Scenario.Rows.Count, actual.Count);
                for (var r = 0; r < actual.Count; r++)
                {
                    var expected = CanonicalValue.Of(reading.Scenario.Rows[r][c]);
                    Assert.True(Same(expected, actual[r]), $"{reader}: row {r} column '{columns[c].Name}' is {Shorten(actual[r].GetRawText())}, expected {Shorten(expected?.ToJsonString())}.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_reader_counts_the_rows(string scenario)
    {
        var reading = fixture.Readings[scenario];
        long rows = reading.Scenario.Rows.Count;
        Assert.Equal(rows, long.Parse(reading.DuckDb.GetProperty("file").GetProperty("num_rows").GetString()!));
        Assert.Equal(rows, reading.ArrowRs.GetProperty("numRows").GetInt64());
        Assert.Equal(rows, long.Parse(reading.Hyparquet.GetProperty("numRows").GetString()!));
        Assert.Equal(rows, RowGroupSizes(reading).Sum());
        Assert.Equal(RowGroupSizes(reading), [.. reading.ArrowRs.GetProperty("rowGroups").EnumerateArray().Select(g => g.GetProperty("numRows").GetInt64())]);
        Assert.Equal(rows == 0 ? 0 : 1, Math.Sign(RowGroupSizes(reading).Count));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_reader_sees_the_declared_physical_logical_and_converted_types(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var columns = reading.Scenario.Schema.Columns;
        var duckSchema = reading.DuckDb.GetProperty("schema").EnumerateArray().ToList();
        var duckColumns = reading.DuckDb.GetProperty("columns").EnumerateArray().ToList();
        var arrowFields = reading.ArrowRs.GetProperty("fields").EnumerateArray().ToList();
        var hyparquetSchema = reading.Hyparquet.GetProperty("schema").EnumerateArray().ToList();
        Assert.Equal(columns.Count + 1, duckSchema.Count);
        Assert.Equal(columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), duckSchema[0].GetProperty("num_children").GetString());
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var expected = ExpectedTypes.Of(column.Type);
            var duck = duckSchema[c + 1];
            Assert.Equal(column.Name, duck.GetProperty("name").GetString());
            Assert.Equal(expected.Physical, duck.GetProperty("type").GetString());
            Assert.Equal(expected.Converted, duck.GetProperty("converted_type").GetString());
            Assert.Equal(expected.DuckDbLogical, duck.GetProperty("logical_type").GetString());
            Assert.Equal(column.IsRequired ? "REQUIRED" : "OPTIONAL", duck.GetProperty("repetition_type").GetString());
            Assert.Equal(expected.DuckDbColumn, duckColumns[c].GetProperty("type").GetString());
            Assert.Equal(column.Name, arrowFields[c].GetProperty("name").GetString());
            Assert.Equal(expected.ArrowFormat, arrowFields[c].GetProperty("format").GetString());
            Assert.Equal(expected.Physical, hyparquetSchema[c].GetProperty("type").GetString());
            Assert.Equal(column.IsRequired ? "REQUIRED" : "OPTIONAL", hyparquetSchema[c].GetProperty("repetitionType").GetString());
            Assert.Equal(expected.HyparquetLogical, hyparquetSchema[c].TryGetProperty("logicalType", out var logical) ? logical.GetRawText() : null);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Statistics_count_nulls_and_order_min_max_by_type(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var columns = reading.Scenario.Schema.Columns;
        var duckMetadata = reading.DuckDb.GetProperty("metadata").EnumerateArray().ToList();
        var rowGroups = reading.Hyparquet.GetProperty("rowGroups").EnumerateArray().ToList();
        var firstRow = 0;
        for (var g = 0; g < rowGroups.Count; g++)
        {
            var rows = reading.Scenario.Rows.Skip(firstRow).Take((int)RowGroupSizes(reading)[g]).ToList();
            firstRow += rows.Count;
            for (var c = 0; c < columns.Count; c++)
            {
                var expected = ExpectedStatistics.Of(rows.Select(r => r[c]));
                var where = $"row group {g} column '{columns[c].Name}'";
                var statistics = rowGroups[g].GetProperty("columns")[c].GetProperty("statistics");
                Assert.Equal(expected.NullCount, long.Parse(statistics.GetProperty("null_count").GetString()!));
                AssertBound(expected.Min, statistics, "min_value", where);
                AssertBound(expected.Max, statistics, "max_value", where);

                var duck = duckMetadata[(g * columns.Count) + c];
                Assert.Equal(expected.NullCount.ToString(System.Globalization.CultureInfo.InvariantCulture), duck.GetProperty("stats_null_count").GetString());
                Assert.Equal(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), duck.GetProperty("num_values").GetString());
                if (columns[c].Type is ParquetColumnType.String or ParquetColumnType.Int32 or ParquetColumnType.Int64)
                {
                    Assert.Equal(Text(expected.Min), duck.GetProperty("stats_min_value").GetString());
                    Assert.Equal(Text(expected.Max), duck.GetProperty("stats_max_value").GetString());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Footer_names_the_writer_and_declares_type_order_for_every_column(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var createdBy = reading.Scenario.Options.CreatedBy;
        Assert.Matches(@"^attendance-analytics version \d+\.\d+\.\d+ \(build ([0-9a-f]{7}|dev)\)$", createdBy);
        Assert.Equal(createdBy, reading.DuckDb.GetProperty("file").GetProperty("created_by").GetString());
        Assert.Equal(createdBy, reading.ArrowRs.GetProperty("createdBy").GetString());
        Assert.Equal(createdBy, reading.Hyparquet.GetProperty("createdBy").GetString());
        Assert.Equal("1", reading.DuckDb.GetProperty("file").GetProperty("format_version").GetString());
        Assert.All(reading.Hyparquet.GetProperty("columnOrders").EnumerateArray(), order => Assert.Equal("TYPE_DEFINED_ORDER", order.GetString()));
        Assert.Equal(reading.Scenario.Schema.Columns.Count, reading.Hyparquet.GetProperty("columnOrders").GetArrayLength());
        Assert.False(reading.Hyparquet.GetProperty("deprecatedMinMaxWritten").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Offsets_point_at_the_first_page_of_each_chunk_and_the_codec_is_declared(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var codec = reading.Scenario.Options.Compression switch
        {
            ParquetCompression.Snappy => "SNAPPY",
            ParquetCompression.Gzip => "GZIP",
            _ => "UNCOMPRESSED",
        };
        long expectedOffset = 4;
        foreach (var rowGroup in reading.Hyparquet.GetProperty("rowGroups").EnumerateArray())
        {
            var chunks = rowGroup.GetProperty("columns").EnumerateArray().ToList();
            Assert.Equal(FirstPage(chunks[0]), long.Parse(rowGroup.GetProperty("fileOffset").GetString()!));
            foreach (var chunk in chunks)
            {
                Assert.Equal(codec, chunk.GetProperty("codec").GetString());
                Assert.Equal("0", chunk.GetProperty("fileOffset").GetString());
                Assert.Equal(expectedOffset, FirstPage(chunk));
                if (chunk.TryGetProperty("dictionaryPageOffset", out var dictionary))
                {
                    Assert.True(long.Parse(dictionary.GetString()!) < long.Parse(chunk.GetProperty("dataPageOffset").GetString()!));
                }

                expectedOffset = FirstPage(chunk) + CompressedSize(reading, chunk);
            }
        }

        Assert.True(expectedOffset < reading.FileLength);
        Assert.All(reading.DuckDb.GetProperty("metadata").EnumerateArray(), m => Assert.Equal(codec, m.GetProperty("compression").GetString()));

        static long FirstPage(JsonElement chunk) =>
            long.Parse((chunk.TryGetProperty("dictionaryPageOffset", out var dictionary) ? dictionary : chunk.GetProperty("dataPageOffset")).GetString()!);
    }

    [Fact]
    public void Row_groups_are_cut_at_RowGroupRows()
    {
        Assert.Equal([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 500], RowGroupSizes(fixture.Readings["many-row-groups"]));
    }

    [Fact]
    public void The_byte_budget_cuts_row_groups_before_the_row_limit()
    {
        var sizes = RowGroupSizes(fixture.Readings["row-group-byte-budget"]);
        Assert.True(sizes.Count >= 3, $"Expected several row groups, got {sizes.Count}.");
        Assert.All(sizes.SkipLast(1), size => Assert.Equal(0, size % 1024));
    }

    [Fact]
    public void A_dictionary_of_unique_values_falls_back_to_plain_pages_once_past_its_limit()
    {
        var chunk = fixture.Readings["dictionary-fallback"].Hyparquet.GetProperty("rowGroups")[0].GetProperty("columns")[0];
        Assert.Equal(["DATA_PAGE:PLAIN:1", "DATA_PAGE:RLE_DICTIONARY:1", "DICTIONARY_PAGE:PLAIN:1"], EncodingStats(chunk));
        Assert.InRange(DictionaryPageBytes(chunk), 2048, 2048 + 200);
    }

    [Fact]
    public void A_dictionary_of_repeating_values_grows_past_its_limit_up_to_its_maximum()
    {
        var chunk = fixture.Readings["dictionary-fallback"].Hyparquet.GetProperty("rowGroups")[0].GetProperty("columns")[1];
        Assert.Equal(["DATA_PAGE:PLAIN:1", "DATA_PAGE:RLE_DICTIONARY:1", "DICTIONARY_PAGE:PLAIN:1"], EncodingStats(chunk));
        Assert.InRange(DictionaryPageBytes(chunk), 15 * 2048, (16 * 2048) + 100);
    }

    [Fact]
    public void A_small_dictionary_serves_every_page_and_numbers_stay_plain()
    {
        var chunks = fixture.Readings["many-row-groups"].Hyparquet.GetProperty("rowGroups")[0].GetProperty("columns");
        Assert.Equal(["DATA_PAGE:RLE_DICTIONARY:4", "DICTIONARY_PAGE:PLAIN:1"], EncodingStats(chunks[1]));
        Assert.Equal(["DATA_PAGE:PLAIN:4"], EncodingStats(chunks[2]));
        Assert.False(chunks[2].TryGetProperty("dictionaryPageOffset", out _));
    }

    /// <summary>Header and body of the dictionary page: it ends where the first data page starts (uncompressed files only).</summary>
    private static long DictionaryPageBytes(JsonElement chunk) =>
        long.Parse(chunk.GetProperty("dataPageOffset").GetString()!) - long.Parse(chunk.GetProperty("dictionaryPageOffset").GetString()!);

    [Fact]
    public void An_all_null_string_column_has_no_dictionary_and_no_min_max()
    {
        var chunk = fixture.Readings["all-null-columns"].Hyparquet.GetProperty("rowGroups")[0].GetProperty("columns")[1];
        Assert.False(chunk.TryGetProperty("dictionaryPageOffset", out _));
        Assert.Equal("40", chunk.GetProperty("statistics").GetProperty("null_count").GetString());
        Assert.False(chunk.GetProperty("statistics").TryGetProperty("min_value", out _));
    }

    private static List<string> EncodingStats(JsonElement chunk) =>
        [.. chunk.GetProperty("encodingStats").EnumerateArray()
            .Select(s => $"{s.GetProperty("page_type").GetString()}:{s.GetProperty("encoding").GetString()}:{s.GetProperty("count").GetRawText()}")
            .Order(StringComparer.Ordinal)];

    private static List<long> RowGroupSizes(OracleReading reading) =>
        [.. reading.Hyparquet.GetProperty("rowGroups").EnumerateArray().Select(g => long.Parse(g.GetProperty("numRows").GetString()!))];

    private static long CompressedSize(OracleReading reading, JsonElement chunk)
    {
        var dataPageOffset = chunk.GetProperty("dataPageOffset").GetString();
        var duck = reading.DuckDb.GetProperty("metadata").EnumerateArray().Single(m => m.GetProperty("data_page_offset").GetString() == dataPageOffset);
        return long.Parse(duck.GetProperty("total_compressed_size").GetString()!);
    }

    private static void AssertBound(JsonNode? expected, JsonElement statistics, string name, string where)
    {
        if (expected is null)
        {
            Assert.False(statistics.TryGetProperty(name, out _), $"{where}: {name} should be absent.");
            return;
        }

        Assert.True(statistics.TryGetProperty(name, out var actual), $"{where}: {name} is missing.");
        Assert.True(Same(expected, actual), $"{where}: {name} is {Shorten(actual.GetRawText())}, expected {Shorten(expected.ToJsonString())}.");
    }

    private static string? Text(JsonNode? value) => value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString();

    /// <summary>Numbers compare by value (JSON has one zero); everything else by its JSON form.</summary>
    private static bool Same(JsonNode? expected, JsonElement actual) =>
        expected?.GetValueKind() == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number
            ? double.Parse(expected.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) == actual.GetDouble()
            : JsonNode.DeepEquals(expected, JsonNode.Parse(actual.GetRawText()));

    private static string? Shorten(string? text) => text is { Length: > 120 } ? text[..120] + $"… ({text.Length} chars)" : text;
}
