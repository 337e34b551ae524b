using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>
/// Files written by the export's own code (<see cref="ParquetFileWriter.WriteAsync{TRow}"/> with Parquet.Net), read
/// back by DuckDB, arrow-rs and hyparquet, never by Parquet.Net: a writer's own reader proves nothing about the writer.
/// </summary>
public sealed class ExportedFileTests(OracleFixture fixture) : IClassFixture<OracleFixture>
{
    public static TheoryData<string> ScenarioNames => new(Scenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_reader_returns_the_values_and_nulls_that_were_written(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var columns = reading.Scenario.Columns;
        foreach (var (reader, values) in Readers(reading))
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var actual = values.GetProperty("values").GetProperty(columns[c].Name).EnumerateArray().ToList();
                Assert.Equal(reading.Scenario.Expected.Count, actual.Count);
                for (var r = 0; r < actual.Count; r++)
                {
                    var expected = CanonicalValue.Of(reading.Scenario.Expected[r][c]);
                    Assert.True(Same(expected, actual[r]), $"{reader}: row {r} column '{columns[c].Name}' is {Shorten(actual[r].GetRawText())}, expected {Shorten(expected?.ToJsonString())}.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_reader_counts_the_rows_the_export_reported(string scenario)
    {
        var reading = fixture.Readings[scenario];
        long rows = reading.Scenario.Expected.Count;
        Assert.Equal(rows, reading.RowsWritten);
        Assert.Equal(rows, long.Parse(reading.DuckDb.GetProperty("file").GetProperty("num_rows").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(rows, reading.ArrowRs.GetProperty("numRows").GetInt64());
        Assert.Equal(rows, long.Parse(reading.Hyparquet.GetProperty("numRows").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(rows, RowGroupSizes(reading).Sum());
        Assert.Equal(RowGroupSizes(reading), [.. reading.ArrowRs.GetProperty("rowGroups").EnumerateArray().Select(g => g.GetProperty("numRows").GetInt64())]);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_reader_sees_the_declared_physical_logical_and_converted_types_and_nullability(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var columns = reading.Scenario.Columns;
        var duckSchema = reading.DuckDb.GetProperty("schema").EnumerateArray().ToList();
        var duckColumns = reading.DuckDb.GetProperty("columns").EnumerateArray().ToList();
        var arrowFields = reading.ArrowRs.GetProperty("fields").EnumerateArray().ToList();
        var hyparquetSchema = reading.Hyparquet.GetProperty("schema").EnumerateArray().ToList();
        Assert.Equal(columns.Count + 1, duckSchema.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var expected = ExpectedTypes.Of(column.Type);
            var repetition = column.Nullable ? "OPTIONAL" : "REQUIRED";
            var duck = duckSchema[c + 1];
            var where = $"column '{column.Name}'";
            Same("DuckDB name", column.Name, duck.GetProperty("name").GetString());
            Same("DuckDB physical type", expected.Physical, duck.GetProperty("type").GetString());
            Same("DuckDB converted type", expected.Converted, duck.GetProperty("converted_type").GetString());
            Same("DuckDB logical type", expected.DuckDbLogical, duck.GetProperty("logical_type").GetString());
            Same("DuckDB repetition", repetition, duck.GetProperty("repetition_type").GetString());
            Same("DuckDB column type", expected.DuckDbColumn, duckColumns[c].GetProperty("type").GetString());
            Same("arrow-rs name", column.Name, arrowFields[c].GetProperty("name").GetString());
            Same("arrow-rs format", expected.ArrowFormat, arrowFields[c].GetProperty("format").GetString());
            Same("hyparquet physical type", expected.Physical, hyparquetSchema[c].GetProperty("type").GetString());
            Same("hyparquet repetition", repetition, hyparquetSchema[c].GetProperty("repetitionType").GetString());
            Same("hyparquet logical type", expected.HyparquetLogical, hyparquetSchema[c].TryGetProperty("logicalType", out var l) ? l.GetRawText() : null);

            // Each value with the column and reader it belongs to, so a failure names both.
            void Same(string what, string? expectedValue, string? actualValue) =>
                Assert.Equal($"{where}, {what}: {expectedValue}", $"{where}, {what}: {actualValue}");
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Statistics_count_nulls_and_bound_the_values_of_every_chunk(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var columns = reading.Scenario.Columns;
        var duckMetadata = reading.DuckDb.GetProperty("metadata").EnumerateArray().ToList();
        var rowGroups = reading.Hyparquet.GetProperty("rowGroups").EnumerateArray().ToList();
        var firstRow = 0;
        for (var g = 0; g < rowGroups.Count; g++)
        {
            var rows = reading.Scenario.Expected.Skip(firstRow).Take((int)RowGroupSizes(reading)[g]).ToList();
            firstRow += rows.Count;
            for (var c = 0; c < columns.Count; c++)
            {
                var expected = ExpectedStatistics.Of(rows.Select(r => r[c]));
                var where = $"row group {g} column '{columns[c].Name}'";
                var statistics = rowGroups[g].GetProperty("columns")[c].GetProperty("statistics");
                Assert.Equal(expected.NullCount, long.Parse(statistics.GetProperty("null_count").GetString()!, CultureInfo.InvariantCulture));
                AssertBound(expected.Min, statistics, "min_value", where);
                AssertBound(expected.Max, statistics, "max_value", where);

                var duck = duckMetadata[(g * columns.Count) + c];
                Assert.Equal(expected.NullCount.ToString(CultureInfo.InvariantCulture), duck.GetProperty("stats_null_count").GetString());
                Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), duck.GetProperty("num_values").GetString());
                if (columns[c].Type is ExportColumnType.String or ExportColumnType.Int32)
                {
                    Assert.Equal(Text(expected.Min), duck.GetProperty("stats_min_value").GetString());
                    Assert.Equal(Text(expected.Max), duck.GetProperty("stats_max_value").GetString());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_chunk_is_snappy_with_one_v1_data_page_and_encodings_power_bi_reads(string scenario)
    {
        var reading = fixture.Readings[scenario];
        foreach (var rowGroup in reading.Hyparquet.GetProperty("rowGroups").EnumerateArray())
        {
            var rows = long.Parse(rowGroup.GetProperty("numRows").GetString()!, CultureInfo.InvariantCulture);
            foreach (var chunk in rowGroup.GetProperty("columns").EnumerateArray())
            {
                Assert.Equal("SNAPPY", chunk.GetProperty("codec").GetString());
                Assert.All(Encodings(chunk), e => Assert.Contains(e, PowerBiEncodings));

                // No DATA_PAGE_V2, no DELTA_* or BYTE_STREAM_SPLIT; Parquet.Net writes a chunk as one data page.
                var pages = Pages(chunk);
                var data = Assert.Single(pages, p => p.Type != "DICTIONARY_PAGE");
                Assert.Equal("DATA_PAGE", data.Type);
                Assert.Equal(rows, data.NumValues);
                Assert.Contains(data.Encoding, PowerBiEncodings);
            }
        }

        Assert.All(reading.DuckDb.GetProperty("metadata").EnumerateArray(), m => Assert.Equal("SNAPPY", m.GetProperty("compression").GetString()));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void The_footer_names_Parquet_Net_as_the_writer(string scenario)
    {
        var reading = fixture.Readings[scenario];
        var createdBy = reading.DuckDb.GetProperty("file").GetProperty("created_by").GetString();

        // parquet-java parses "name version x.y.z (build h)" and ignores string statistics when it cannot.
        Assert.Matches(@"^Parquet\.Net version 6\.1\.0 \(build [0-9a-f]{7,40}\)$", createdBy);
        Assert.Equal(createdBy, reading.ArrowRs.GetProperty("createdBy").GetString());
        Assert.Equal(createdBy, reading.Hyparquet.GetProperty("createdBy").GetString());
    }

    [Fact]
    public void Row_groups_are_cut_at_the_row_limit()
    {
        Assert.Equal([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 500], RowGroupSizes(fixture.Readings["many-row-groups"]));
        Assert.Equal([1000, 1000, 500], RowGroupSizes(fixture.Readings["attendance-table"]));
        Assert.Equal([Scenarios.RegionRowCount], RowGroupSizes(fixture.Readings["regions-table"]));
    }

    [Fact]
    public void Long_texts_close_a_row_group_at_the_text_budget_before_the_row_limit()
    {
        // Rows carry a 64 KiB name twice (name, name_hinted): 256 KiB of UTF-16 for the ASCII names, 128 KiB for the
        // 'é' ones (half the characters); a group closes at the row that takes its text to 1 MiB.
        var reading = fixture.Readings["text-budget"];
        var expected = new List<long>();
        long rows = 0, bytes = 0;
        foreach (var row in reading.Scenario.Expected)
        {
            rows++;
            bytes += row.OfType<string>().Sum(text => (long)text.Length * sizeof(char));
            if (bytes >= Scenarios.SmallTextBytes)
            {
                expected.Add(rows);
                (rows, bytes) = (0, 0);
            }
        }

        if (rows > 0)
        {
            expected.Add(rows);
        }

        Assert.Equal([5, 6, 6, 6, 6, 6, 5], expected);
        Assert.Equal(expected, RowGroupSizes(reading));
    }

    [Fact]
    public void A_file_without_rows_has_no_row_groups_and_every_reader_opens_it()
    {
        var reading = fixture.Readings["zero-rows"];
        Assert.Empty(RowGroupSizes(reading));
        Assert.Equal(reading.Scenario.Columns.Select(c => c.Name), reading.DuckDb.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public void Hinted_repeating_strings_are_dictionary_encoded_and_unique_ids_and_numbers_stay_plain()
    {
        var chunks = Chunks(fixture.Readings["attendance-table"], 0);
        foreach (var name in new[] { "event_id", "participant_key", "full_name", "gender", "institution_type", "province_name", "regency_code", "source" })
        {
            Assert.True(IsDictionaryEncoded(chunks[name]), $"{name} is not dictionary-encoded");
        }

        foreach (var name in new[] { "submission_id", "session_date", "check_in_at", "received_at" })
        {
            Assert.False(IsDictionaryEncoded(chunks[name]), $"{name} is dictionary-encoded");
            Assert.Equal("PLAIN", Assert.Single(Pages(chunks[name])).Encoding);
        }
    }

    [Fact]
    public void A_hinted_column_whose_values_are_mostly_distinct_is_written_plain()
    {
        // Parquet.Net keeps a hinted dictionary only when at most 80% of the chunk's values are distinct: the sixteen
        // names of non-ascii-text are all distinct, while in many-row-groups they repeat over 1,000 rows.
        Assert.False(IsDictionaryEncoded(Chunks(fixture.Readings["non-ascii-text"], 0)["name_hinted"]));
        Assert.True(IsDictionaryEncoded(Chunks(fixture.Readings["many-row-groups"], 0)["name_hinted"]));
        Assert.False(IsDictionaryEncoded(Chunks(fixture.Readings["many-row-groups"], 0)["name"]));
    }

    /// <summary>
    /// aloneguid/parquet-dotnet#769 (open): Parquet.Net 6.1 writes the bounds of a <c>DateTime</c> TIMESTAMP(MICROS)
    /// column in milliseconds. The export writes instants as INT64 microseconds and declares them timestamps in the
    /// footer (<see cref="ParquetNet769"/>), so the bounds are microseconds, in the footer and in every data page's header.
    /// </summary>
    [Fact]
    public void Timestamp_statistics_are_microseconds_in_the_footer_and_the_page_headers()
    {
        var reading = fixture.Readings["attendance-table"];
        var column = reading.Scenario.Columns.Select((c, i) => (c.Name, i)).Single(c => c.Name == "received_at").i;
        var rows = reading.Scenario.Expected.Take(Scenarios.SmallGroupRows).Select(r => (DateTimeOffset)r[column]!).ToList();
        var chunk = reading.Hyparquet.GetProperty("rowGroups")[0].GetProperty("columns")[column];
        var min = CanonicalValue.MicrosSinceEpoch(rows.Min()).ToString(CultureInfo.InvariantCulture);
        var max = CanonicalValue.MicrosSinceEpoch(rows.Max()).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(min, chunk.GetProperty("statistics").GetProperty("min_value").GetString());
        Assert.Equal(max, chunk.GetProperty("statistics").GetProperty("max_value").GetString());
        var page = Assert.Single(chunk.GetProperty("pages").EnumerateArray());
        Assert.Equal(min, page.GetProperty("min").GetString());
        Assert.Equal(max, page.GetProperty("max").GetString());
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void The_footer_declares_the_type_order_of_every_column(string scenario)
    {
        // Without column_orders, parquet-format leaves the meaning of min_value and max_value undefined.
        var reading = fixture.Readings[scenario];
        Assert.Equal(Enumerable.Repeat("TYPE_DEFINED_ORDER", reading.Scenario.Columns.Count), reading.Hyparquet.GetProperty("columnOrders").EnumerateArray().Select(o => o.GetString()));
    }

    private static readonly string[] PowerBiEncodings = ["PLAIN", "RLE", "PLAIN_DICTIONARY", "RLE_DICTIONARY", "BIT_PACKED"];

    private static List<(string Type, string? Encoding, long NumValues)> Pages(JsonElement chunk) =>
        [.. chunk.GetProperty("pages").EnumerateArray().Select(p => (p.GetProperty("type").GetString()!, p.GetProperty("encoding").GetString(), p.GetProperty("numValues").GetInt64()))];

    private static bool IsDictionaryEncoded(JsonElement chunk)
    {
        var pages = Pages(chunk);
        return pages.Count == 2 && pages[0].Type == "DICTIONARY_PAGE" && pages[1].Encoding is "PLAIN_DICTIONARY" or "RLE_DICTIONARY";
    }

    private static Dictionary<string, JsonElement> Chunks(OracleReading reading, int rowGroup) =>
        reading.Scenario.Columns.Select((c, i) => (c.Name, Chunk: reading.Hyparquet.GetProperty("rowGroups")[rowGroup].GetProperty("columns")[i]))
            .ToDictionary(x => x.Name, x => x.Chunk);

    private static List<string?> Encodings(JsonElement chunk) => [.. chunk.GetProperty("encodings").EnumerateArray().Select(e => e.GetString())];

    private static IEnumerable<(string Name, JsonElement Values)> Readers(OracleReading reading) =>
        [("duckdb", reading.DuckDb), ("arrow-rs", reading.ArrowRs), ("hyparquet", reading.Hyparquet)];

    private static List<long> RowGroupSizes(OracleReading reading) =>
        [.. reading.Hyparquet.GetProperty("rowGroups").EnumerateArray().Select(g => long.Parse(g.GetProperty("numRows").GetString()!, CultureInfo.InvariantCulture))];

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
            ? double.Parse(expected.ToJsonString(), CultureInfo.InvariantCulture) == actual.GetDouble()
            : JsonNode.DeepEquals(expected, JsonNode.Parse(actual.GetRawText()));

    private static string? Shorten(string? text) => text is { Length: > 120 } ? text[..120] + $"… ({text.Length} chars)" : text;
}
