namespace Attendance.Parquet.Tests.Oracles;

/// <summary>A row with every column type the export has, each nullable one with and without nulls.</summary>
public sealed record SampleRow(string Id, string? Name, string Category, int Count, DateOnly Day, DateTimeOffset At, DateTimeOffset? CheckedAt)
{
    /// <summary>The table the export would declare for these rows: required and optional text with and without a dictionary hint, int, date, instants.</summary>
    public static ExportTable<SampleRow> Table { get; } = new("sample",
    [
        ExportColumn<SampleRow>.String("id", r => r.Id),
        ExportColumn<SampleRow>.String("name", r => r.Name, nullable: true),
        ExportColumn<SampleRow>.String("category", r => r.Category, dictionary: true),
        ExportColumn<SampleRow>.String("name_hinted", r => r.Name, nullable: true, dictionary: true),
        ExportColumn<SampleRow>.Int32("count", r => r.Count),
        ExportColumn<SampleRow>.Date("day", r => r.Day),
        ExportColumn<SampleRow>.Timestamp("at", r => r.At),
        ExportColumn<SampleRow>.Timestamp("checked_at", r => r.CheckedAt, nullable: true),
    ]);

    public object?[] Expected() => [Id, Name, Category, Name, Count, Day, At, CheckedAt];
}
