namespace Attendance.Integration.Tests.Export;

/// <summary>
/// What DuckDB makes of the statistics of a table's files (tests/oracles/check-statistics.mjs): every column chunk's
/// footer bounds against the values it holds, each file's real per-column bounds, and date and timestamp filters
/// counted pushed down (pruned by statistics) and scanned.
/// </summary>
internal sealed record StatisticsCheck(JsonElement Json)
{
    public static async Task<StatisticsCheck> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken) =>
        new(JsonDocument.Parse(await NodeProcess.RunAsync("tests/oracles/check-statistics.mjs", args, TimeSpan.FromMinutes(5), cancellationToken)).RootElement.Clone());

    public IReadOnlyList<Chunk> Chunks => [.. Json.GetProperty("chunks").EnumerateArray().Select(c => new Chunk(
        Path.GetFileName(c.GetProperty("file").GetString()!), c.GetProperty("rowGroup").GetInt32(), c.GetProperty("path").GetString()!, c.GetProperty("type").GetString(),
        c.GetProperty("statsMin").GetString(), c.GetProperty("statsMax").GetString(), c.GetProperty("min").GetString(), c.GetProperty("max").GetString(),
        c.GetProperty("present").GetInt64(), c.GetProperty("bounded").GetBoolean()))];

    public IReadOnlyList<Filter> Filters => [.. Json.GetProperty("filters").EnumerateArray().Select(f => new Filter(
        f.GetProperty("column").GetString()!, f.GetProperty("filter").GetString()!, f.GetProperty("sql").GetString()!,
        f.GetProperty("pushed").GetInt64(), f.GetProperty("scanned").GetInt64(), f.GetProperty("present").GetInt64()))];

    public IReadOnlyList<(string Sql, long Pushed, long Scanned)> Partitions => [.. Json.GetProperty("partitions").EnumerateArray().Select(p => (
        p.GetProperty("sql").GetString()!, p.GetProperty("pushed").GetInt64(), p.GetProperty("scanned").GetInt64()))];

    /// <summary>A file's real bounds per top-level column: dates in days, instants in microseconds, text as is.</summary>
    public IReadOnlyDictionary<string, FileColumn> FileColumns(string fileName) =>
        Json.GetProperty("columns").EnumerateArray().Single(f => Path.GetFileName(f.GetProperty("file").GetString()) == fileName)
            .GetProperty("columns").EnumerateObject().ToDictionary(p => p.Name, p => new FileColumn(
                p.Value.GetProperty("type").GetString()!, p.Value.GetProperty("min").GetString(), p.Value.GetProperty("max").GetString(),
                p.Value.GetProperty("nulls").GetInt64(), p.Value.GetProperty("rows").GetInt64()));

    public sealed record Chunk(string File, int RowGroup, string Path, string? Type, string? StatsMin, string? StatsMax, string? Min, string? Max, long Present, bool Bounded)
    {
        public override string ToString() => $"{File} row group {RowGroup} {Path} ({Type}): statistics [{StatsMin}, {StatsMax}], values [{Min}, {Max}]";
    }

    public sealed record Filter(string Column, string Name, string Sql, long Pushed, long Scanned, long Present);

    public sealed record FileColumn(string Type, string? Min, string? Max, long Nulls, long Rows);
}
