using System.Text.RegularExpressions;

namespace Attendance.Export;

/// <summary>
/// Keeps the analysts' files true to the export: every column that docs/powerbi.md, powerbi/**/*.pq and
/// powerbi/*.dax name must be one that <see cref="AnalyticsTables"/> writes, with the type it writes.
/// </summary>
public sealed partial class PowerBiFilesTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Column>> Tables = new Dictionary<string, IReadOnlyList<Column>>
    {
        [AnalyticsTables.AttendancePath] = Describe(AnalyticsTables.Attendance(includeNames: true).Columns),
        [AnalyticsTables.EventsPath] = Describe(AnalyticsTables.Events.Columns),
        [AnalyticsTables.RegionsPath] = Describe(AnalyticsTables.Regions.Columns),
    };

    public static TheoryData<string> TableQueries() =>
    [
        .. new[] { "delta", "folder" }
            .SelectMany(folder => Directory.GetFiles(RepoPaths.Combine("powerbi", folder), "*.pq"))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> AllQueries() =>
    [
        .. Directory.GetFiles(RepoPaths.Combine("powerbi"), "*.pq", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Every_table_has_a_delta_query_and_only_the_tables_that_never_change_rows_have_a_folder_query()
    {
        foreach (var table in Tables.Keys)
        {
            Assert.True(File.Exists(RepoPaths.Combine("powerbi", "delta", table + ".pq")), $"powerbi/delta/{table}.pq is missing");
        }

        // Corrections, voids and erasures rewrite attendance files and remove the old ones from the log; a folder of
        // Parquet files still holds those until clean-up, so attendance is read through its log only (docs/powerbi.md).
        Assert.Empty(Directory.GetFiles(RepoPaths.Combine("powerbi", "folder"), AnalyticsTables.AttendancePath + "*.pq"));
        foreach (var table in new[] { AnalyticsTables.EventsPath, AnalyticsTables.RegionsPath })
        {
            Assert.True(File.Exists(RepoPaths.Combine("powerbi", "folder", table + ".pq")), $"powerbi/folder/{table}.pq is missing");
        }
    }

    [Theory]
    [MemberData(nameof(TableQueries))]
    public void A_query_selects_exactly_the_exported_columns_in_order_and_types_each_as_the_export_writes_it(string relativePath)
    {
        var text = WithoutComments(File.ReadAllText(RepoPaths.Combine(relativePath)));
        var table = TableOf(relativePath);
        var columns = Tables[table];

        Assert.Equal(table, TablePathLiteral().Match(text) is { Success: true } m ? m.Groups["path"].Value : null);

        var selectStart = text.IndexOf("Columns = Table.SelectColumns(", StringComparison.Ordinal);
        Assert.True(selectStart >= 0, $"{relativePath} has no step Columns = Table.SelectColumns(...)");
        var selected = QuotedNamesInFirstList(text[selectStart..]);
        Assert.Equal(columns.Select(c => c.Name), selected);

        var typed = TypedColumn().Matches(text)
            .Select(match => (Name: match.Groups["name"].Value, Type: match.Groups["type"].Value))
            .ToList();
        Assert.Equal(columns.Select(c => c.Name).Order(StringComparer.Ordinal), typed.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var (name, type) in typed)
        {
            // The type the query gives the column, against the type the export writes.
            Assert.Equal((relativePath, name, columns.Single(c => c.Name == name).MType), (relativePath, name, type));
        }

        var literals = LiteralOrComment().Matches(text)
            .Select(match => match.Value)
            .Where(token => token.StartsWith('"'))
            .Select(token => token[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal))
            .Where(literal => SnakeCase().IsMatch(literal));
        foreach (var literal in literals)
        {
            Assert.True(literal == table || columns.Any(c => c.Name == literal), $"{relativePath} names \"{literal}\", which is not a column of {table}");
        }
    }

    [Theory]
    [MemberData(nameof(AllQueries))]
    public void A_query_is_one_balanced_expression(string relativePath)
    {
        var code = Skeleton(File.ReadAllText(RepoPaths.Combine(relativePath)));
        var stack = new Stack<char>();
        foreach (var c in code)
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    stack.Push(c);
                    break;
                case ')' or ']' or '}':
                    Assert.True(stack.Count > 0, $"{relativePath}: unmatched '{c}'");
                    Assert.Equal(c switch { ')' => '(', ']' => '[', _ => '{' }, stack.Pop());
                    break;
            }
        }

        Assert.Empty(stack);
        var lets = Regex.Count(code, @"\blet\b");
        Assert.Equal(lets, Regex.Count(code, @"\bin\b"));
        Assert.DoesNotMatch(@",\s*\bin\b", code);
        Assert.DoesNotMatch(@",\s*[\)\]\}]", code);
    }

    [Fact]
    public void The_guide_lists_every_exported_column_with_its_delta_type_nullability_and_power_query_type()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("docs", "powerbi.md"));
        foreach (var (table, columns) in Tables)
        {
            var heading = Array.FindIndex(lines, line => line.StartsWith($"**`{table}`**", StringComparison.Ordinal));
            Assert.True(heading >= 0, $"docs/powerbi.md has no section **`{table}`**");
            var rows = lines.Skip(heading + 1)
                .SkipWhile(line => !line.StartsWith('|'))
                .TakeWhile(line => line.StartsWith('|'))
                .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
                .ToList();

            var documented = new List<string>();
            foreach (var row in rows)
            {
                var cells = row.Split('|').Select(cell => cell.Trim()).ToArray();
                var names = BacktickedName().Matches(cells[1]).Select(match => match.Groups["name"].Value).ToList();
                foreach (var name in names)
                {
                    var column = columns.SingleOrDefault(c => c.Name == name);
                    Assert.True(column is not null, $"docs/powerbi.md lists {table}.{name}, which the export does not write");
                    Assert.Equal(column.DeltaType + (column.Nullable ? ", nullable" : string.Empty), cells[2]);
                    Assert.StartsWith(column.MType, cells[3], StringComparison.Ordinal);
                }

                documented.AddRange(names);
            }

            Assert.Equal(columns.Select(c => c.Name).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("docs/powerbi.md")]
    [InlineData("powerbi/measures.dax")]
    [InlineData("powerbi/measures-targets.dax")]
    [InlineData("powerbi/date.dax")]
    public void Every_table_column_reference_names_an_exported_column(string relativePath)
    {
        var text = File.ReadAllText(RepoPaths.Combine(relativePath));
        var references = ColumnReference().Matches(text).ToList();
        Assert.NotEmpty(references);
        foreach (var match in references)
        {
            var table = match.Groups["table"].Value;
            var name = match.Groups["name"].Value;
            Assert.True(Tables[table].Any(c => c.Name == name), $"{relativePath} refers to {table}[{name}], which the export does not write");
        }
    }

    private static string TableOf(string relativePath)
    {
        var file = Path.GetFileNameWithoutExtension(relativePath);
        return Tables.Keys.Single(table => file == table || file.StartsWith(table + "-", StringComparison.Ordinal));
    }

    /// <summary>M code without its comments.</summary>
    private static string WithoutComments(string m) =>
        LiteralOrComment().Replace(m, match => match.Value.StartsWith('"') ? match.Value : string.Empty);

    /// <summary>M code without comments and with every text literal emptied, so brackets and keywords in them do not count.</summary>
    private static string Skeleton(string m) =>
        LiteralOrComment().Replace(m, match => match.Value.StartsWith('"') ? "\"\"" : string.Empty);

    private static List<string> QuotedNamesInFirstList(string text)
    {
        var open = text.IndexOf('{', StringComparison.Ordinal);
        var close = text.IndexOf('}', open);
        return [.. QuotedName().Matches(text[open..close]).Select(match => match.Groups["name"].Value)];
    }

    private static List<Column> Describe<TRow>(IEnumerable<ExportColumn<TRow>> columns) =>
    [
        .. columns.Select(c => new Column(c.Name, c.DeltaType, c.Nullable, c.Type switch
        {
            ExportColumnType.String => "text",
            ExportColumnType.Date => "date",
            ExportColumnType.Timestamp => "datetimezone",
            ExportColumnType.Int32 => "Int64",
            _ => throw new InvalidOperationException($"No Power Query type for {c.Type}."),
        })),
    ];

    private sealed record Column(string Name, string DeltaType, bool Nullable, string MType);

    // M text literals and comments, matched together so that "//" inside a URL is not taken for a comment.
    [GeneratedRegex(@"""(?:[^""]|"""")*""|//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex LiteralOrComment();

    [GeneratedRegex(@"\bTablePath\s*=\s*""(?<path>[^""]*)""")]
    private static partial Regex TablePathLiteral();

    // {"name", type text}, {"days", Int64.Type}, {"received_at", ToUtc, type datetimezone}
    [GeneratedRegex(@"\{\s*""(?<name>[a-z][a-z0-9_]*)""\s*,[^{}]*?(?:\btype\s+(?:nullable\s+)?(?<type>[a-z]+)|\b(?<type>Int64)\.Type)\s*\}")]
    private static partial Regex TypedColumn();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"""(?<name>[^""]+)""")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"`(?<name>[a-z][a-z0-9_]*)`")]
    private static partial Regex BacktickedName();

    [GeneratedRegex(@"\b(?<table>attendance|events|regions)\[(?<name>[a-z][a-z0-9_]*)\]")]
    private static partial Regex ColumnReference();
}
