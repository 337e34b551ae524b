using System.Globalization;
using System.Text.Json;
using Attendance.Parquet.Reading;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>Files written by DuckDB, an independent writer, read by the product's reader and compared with what DuckDB reads back.</summary>
public sealed class DuckDbWrittenFileTests(DuckDbFixture fixture) : IClassFixture<DuckDbFixture>
{
    public static TheoryData<string> ReadableFiles => new(DuckDbFiles.All.Select(f => f.Name).Except(["zstd", "nested"]));

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void Every_value_and_null_is_what_DuckDB_wrote(string name)
    {
        var (bytes, duck) = fixture.Files[name];
        var reader = ParquetFileReader.Open(bytes);
        var columns = duck.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.Equal(columns, reader.Columns.Select(c => c.Name));
        var expectedRows = duck.GetProperty("values").GetProperty(columns[0]).GetArrayLength();
        Assert.Equal(expectedRows, reader.RowCount);
        foreach (var column in columns)
        {
            var expected = duck.GetProperty("values").GetProperty(column).EnumerateArray().ToList();
            var actual = ReadColumns.Canonical(reader, column);
            Assert.Equal(expected.Count, actual.Count);
            for (var row = 0; row < expected.Count; row++)
            {
                Assert.True(Same(expected[row], actual[row]), $"{name}: row {row} of '{column}' is {actual[row] ?? "null"}, DuckDB wrote {expected[row].GetRawText()}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void The_schema_matches_what_DuckDB_reports(string name)
    {
        var (bytes, duck) = fixture.Files[name];
        var reader = ParquetFileReader.Open(bytes);
        var leaves = duck.GetProperty("schema").EnumerateArray().Skip(1).ToList();
        Assert.Equal(leaves.Count, reader.Columns.Count);
        for (var i = 0; i < leaves.Count; i++)
        {
            Assert.Equal(leaves[i].GetProperty("name").GetString(), reader.Columns[i].Name);
            Assert.Equal(leaves[i].GetProperty("type").GetString(), reader.Columns[i].PhysicalType);
            Assert.Equal(leaves[i].GetProperty("repetition_type").GetString() == "REQUIRED", reader.Columns[i].IsRequired);
        }

        var rowGroups = duck.GetProperty("metadata").EnumerateArray().Select(m => m.GetProperty("row_group_id").GetRawText()).Distinct().Count();
        Assert.Equal(rowGroups, reader.RowGroupCount);
    }

    [Fact]
    public void Types_are_interpreted_from_DuckDB_converted_types_and_arrow_rs_logical_types()
    {
        // DuckDB annotates strings and small integers with converted types only; arrow-rs writes logical types.
        var duck = Types("types_snappy");
        var arrow = Types("arrow_v1_pages");
        Assert.Equal((ParquetColumnType.Int32, "INT_32"), duck["int32"]);
        Assert.Equal((ParquetColumnType.Int32, null), arrow["int32"]);
        Assert.Equal((ParquetColumnType.Int64, "INT_64"), duck["int64"]);
        Assert.Equal((ParquetColumnType.Int64, null), arrow["int64"]);
        Assert.Equal((ParquetColumnType.Int32, "INT_16"), duck["small"]);
        Assert.Equal((ParquetColumnType.Int32, "INTEGER(16, signed)"), arrow["small"]);
        Assert.Equal((ParquetColumnType.String, "UTF8"), duck["region"]);
        Assert.Equal((ParquetColumnType.String, "STRING"), arrow["region"]);
        foreach (var types in new[] { duck, arrow })
        {
            Assert.Equal((ParquetColumnType.Double, null), types["dbl"]);
            Assert.Equal((ParquetColumnType.Boolean, null), types["flag"]);
            Assert.Equal((ParquetColumnType.Date, "DATE"), types["day"]);
            Assert.Equal((ParquetColumnType.Timestamp, "TIMESTAMP(MICROS, local)"), types["ts"]);
            Assert.Equal((ParquetColumnType.Timestamp, "TIMESTAMP(MICROS, UTC)"), types["tstz"]);
            Assert.Equal((ParquetColumnType.Timestamp, "TIMESTAMP(MILLIS, local)"), types["ts_ms"]);
        }
    }

    [Fact]
    public void The_files_exercise_dictionary_and_plain_strings_several_row_groups_and_pages()
    {
        var types = fixture.Files["types_snappy"].DuckDb.GetProperty("metadata").EnumerateArray()
            .ToDictionary(m => m.GetProperty("path_in_schema").GetString()!, m => m.GetProperty("encodings").GetString()!);
        Assert.Contains("DICTIONARY", types["region"], StringComparison.Ordinal);
        Assert.Equal("PLAIN", types["id"]);
        Assert.True(ParquetFileReader.Open(fixture.Files["row_groups"].Bytes).RowGroupCount > 2);
        Assert.True(ParquetFileReader.Open(fixture.Files["arrow_v1_pages"].Bytes).RowGroupCount > 2);
        foreach (var name in new[] { "arrow_v2_dictionary", "arrow_v2_plain_gzip", "arrow_v2_uncompressed", "arrow_v1_pages" })
        {
            var bytes = fixture.Files[name].Bytes;
            Assert.Equal(name.StartsWith("arrow_v2", StringComparison.Ordinal), PageWalker.HasDataPageV2(bytes));
            Assert.All(new[] { "int32", "id", "dbl" }, column => Assert.True(PageWalker.DataPages(bytes, column) > 2, $"{name}: '{column}' has few pages."));
        }

        Assert.False(PageWalker.HasDataPageV2(fixture.Files["types_snappy"].Bytes));
        Assert.Contains(PageWalker.Pages(fixture.Files["arrow_v2_defaults"].Bytes), p => p.Column == "flag" && p.Header.Encoding == Format.ParquetEncoding.Rle);
    }

    [Theory]
    [InlineData("arrow_v2_dictionary")]
    [InlineData("arrow_v2_plain_gzip")]
    [InlineData("types_gzip")]
    [InlineData("arrow_v2_delta")]
    [InlineData("duckdb_v2_format")]
    public void Damaged_bytes_in_other_writers_files_are_read_or_refused_with_a_Parquet_error(string name)
    {
        // About 400 positions spread over the file keep the test quick while hitting headers, levels and values.
        var file = fixture.Files[name].Bytes;
        var stride = Math.Max(1, file.Length / 400);
        for (var position = 0; position < file.Length; position += stride)
        {
            var damaged = (byte[])file.Clone();
            damaged[position] ^= 0xFF;
            if (DamagedFile.UnexpectedFailure(damaged) is { } failure)
            {
                Assert.Fail($"{name}: byte {position} inverted: {failure}");
            }
        }
    }

    [Fact]
    public void A_ZSTD_file_is_refused_naming_the_codec()
    {
        var reader = ParquetFileReader.Open(fixture.Files["zstd"].Bytes);
        var error = Assert.Throws<NotSupportedException>(() => reader.ReadStrings("region"));
        Assert.Contains("ZSTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_v2_files_use_the_DELTA_and_BYTE_STREAM_SPLIT_encodings()
    {
        foreach (var name in new[] { "duckdb_v2_format", "arrow_v2_delta" })
        {
            var encodings = PageWalker.Pages(fixture.Files[name].Bytes).Where(p => p.Header.Type != Format.PageType.DictionaryPage).ToLookup(p => p.Column, p => p.Header.Encoding);
            Assert.All(new[] { "int32", "int64", "day", "ts", "tstz", "ts_ms" }, column => Assert.Contains(FormatValues.DeltaBinaryPacked, encodings[column]));
            Assert.Contains(encodings["id"], e => e is FormatValues.DeltaByteArray or FormatValues.DeltaLengthByteArray);
        }

        Assert.Contains(FormatValues.ByteStreamSplit, PageWalker.Pages(fixture.Files["duckdb_v2_format"].Bytes).Where(p => p.Column == "dbl").Select(p => p.Header.Encoding));
    }

    [Fact]
    public void A_nested_schema_is_refused()
    {
        var error = Assert.Throws<NotSupportedException>(() => ParquetFileReader.Open(fixture.Files["nested"].Bytes));
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_found_ignoring_case_and_a_wrong_type_or_name_is_refused()
    {
        var reader = ParquetFileReader.Open(fixture.Files["types_snappy"].Bytes);
        Assert.Equal(reader.ReadStrings("region"), reader.ReadStrings("REGION"));
        Assert.Throws<InvalidOperationException>(() => reader.ReadInt32("region"));
        Assert.Throws<KeyNotFoundException>(() => reader.ReadStrings("no_such_column"));
    }

    private Dictionary<string, (ParquetColumnType? Type, string? LogicalType)> Types(string file) =>
        ParquetFileReader.Open(fixture.Files[file].Bytes).Columns.ToDictionary(c => c.Name, c => (c.Type, c.LogicalType));

    private static bool Same(JsonElement expected, object? actual) => (expected.ValueKind, actual) switch
    {
        (JsonValueKind.Null, null) => true,
        (JsonValueKind.String, string text) => expected.GetString() == text,
        (JsonValueKind.String, double number) => double.Parse(expected.GetString()!, CultureInfo.InvariantCulture).Equals(number),
        (JsonValueKind.Number, int number) => expected.GetInt64() == number,
        (JsonValueKind.Number, double number) => expected.GetDouble().Equals(number) || expected.GetDouble() == number,
        (JsonValueKind.True, bool flag) => flag,
        (JsonValueKind.False, bool flag) => !flag,
        _ => false,
    };
}
