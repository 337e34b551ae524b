using System.Globalization;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// What an analyst's engine needs of a table's statistics, checked on what DuckDB read (<see cref="StatisticsCheck"/>):
/// footers that bound their chunks, date and timestamp filters that count every row when pushed down, and Delta
/// <c>add.stats</c> that bound each file, so skipping files by them loses nothing.
/// </summary>
internal static class StatisticsAssertions
{
    public static void ChunksBounded(StatisticsCheck check)
    {
        Assert.NotEmpty(check.Chunks);
        Assert.All(check.Chunks, c => Assert.True(c.Bounded, $"{c}: the statistics do not bound the values"));
    }

    public static void FiltersCountEveryRow(StatisticsCheck check, string[] columns)
    {
        Assert.Equal(columns.Order(), check.Filters.Select(f => f.Column).Distinct().Order());
        foreach (var filter in check.Filters)
        {
            Assert.True(filter.Pushed == filter.Scanned, $"{filter.Sql}: {filter.Pushed} rows pushed down, {filter.Scanned} scanned");
            if (filter.Name is ">= min" or "<= max")
            {
                Assert.True(filter.Pushed == filter.Present, $"{filter.Sql}: {filter.Pushed} rows of {filter.Present}");
            }
        }
    }

    /// <summary>Each live file's add.stats: numRecords exact; nullCount exact and minValues/maxValues bounding, for every column Delta engines skip on.</summary>
    public static void DeltaStatisticsBound(DeltaRead table, StatisticsCheck check, string[] skipping)
    {
        Assert.NotEmpty(table.Files);
        foreach (var file in table.Files)
        {
            using var stats = JsonDocument.Parse(table.FileStats[file] ?? throw new InvalidOperationException($"{file} has no stats"));
            var real = check.FileColumns(Path.GetFileName(file));
            var root = stats.RootElement;
            Assert.Equal(real.Values.First().Rows, root.GetProperty("numRecords").GetInt64());
            Assert.Equal(skipping.Order(), root.GetProperty("nullCount").EnumerateObject().Select(p => p.Name).Order());
            foreach (var column in skipping)
            {
                var values = real[column];
                var where = $"{file} {column}";
                Assert.True(values.Nulls == root.GetProperty("nullCount").GetProperty(column).GetInt64(), $"{where}: nullCount");
                var hasMin = root.GetProperty("minValues").TryGetProperty(column, out var min);
                var hasMax = root.GetProperty("maxValues").TryGetProperty(column, out var max);
                Assert.True(hasMin == (values.Min is not null) && hasMax == (values.Max is not null), $"{where}: bounds present for a column with values, absent for one of nulls");
                if (values.Min is not null)
                {
                    if (values.Type.StartsWith("TIMESTAMP", StringComparison.Ordinal))
                    {
                        // The protocol's form: ISO-8601 in UTC, to the millisecond.
                        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", min.GetString());
                        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", max.GetString());
                    }

                    Assert.True(Compare(values.Type, min, values.Min) <= 0, $"{where}: minValues {min} above the least value {values.Min}");
                    Assert.True(Compare(values.Type, max, values.Max!) >= 0, $"{where}: maxValues {max} below the greatest value {values.Max}");
                }
            }
        }
    }

    /// <summary>Orders a Delta statistic against a real value given in the oracle's canonical form.</summary>
    private static int Compare(string type, JsonElement statistic, string real) => type switch
    {
        "DATE" => (DateOnly.ParseExact(statistic.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)
            .CompareTo(int.Parse(real, CultureInfo.InvariantCulture)),
        _ when type.StartsWith("TIMESTAMP", StringComparison.Ordinal) =>
            ((DateTimeOffset.Parse(statistic.GetString()!, CultureInfo.InvariantCulture).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10)
            .CompareTo(long.Parse(real, CultureInfo.InvariantCulture)),
        "VARCHAR" => Encoding.UTF8.GetBytes(statistic.GetString()!).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(real)),
        _ => throw new InvalidOperationException($"No comparison for {type}."),
    };
}
