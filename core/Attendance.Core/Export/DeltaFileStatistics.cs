using System.Globalization;
using System.Text;
using System.Text.Json;
using Attendance.Delta;

namespace Attendance.Export;

/// <summary>
/// The <c>stats</c> of a Delta <c>add</c> (PROTOCOL.md "Per-file Statistics"): <c>numRecords</c>, and
/// <c>minValues</c>, <c>maxValues</c> and <c>nullCount</c> for the columns marked <see cref="ExportColumn{TRow}.Skipping"/>,
/// so Delta-aware engines (Spark, Fabric, delta-rs) skip files by date, event and region. Values are in the forms
/// the protocol gives: dates <c>yyyy-MM-dd</c>, timestamps ISO-8601 UTC to the millisecond. Bounds must bound: a
/// minimum instant is truncated to its millisecond, a maximum rounded up to the next one when it has microseconds.
/// A column whose values are all null has a null count and no bounds.
/// </summary>
public static class DeltaFileStatistics
{
    public static string Json<TRow>(IReadOnlyList<ExportColumn<TRow>> columns, ParquetFileSummary file)
    {
        var skipping = columns.Select((column, i) => (column, statistics: file.Columns[i])).Where(c => c.column.Skipping).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("numRecords", file.Rows);
            if (skipping.Count > 0)
            {
                WriteBounds(json, "minValues", skipping, s => s.Min, roundUp: false);
                WriteBounds(json, "maxValues", skipping, s => s.Max, roundUp: true);
                json.WriteStartObject("nullCount");
                foreach (var (column, statistics) in skipping)
                {
                    json.WriteNumber(column.Name, statistics.NullCount);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteBounds<TRow>(Utf8JsonWriter json, string name, List<(ExportColumn<TRow> Column, ColumnStatistics Statistics)> columns, Func<ColumnStatistics, object?> bound, bool roundUp)
    {
        json.WriteStartObject(name);
        foreach (var (column, statistics) in columns)
        {
            switch (bound(statistics))
            {
                case null:
                    break;
                case string text:
                    json.WriteString(column.Name, text);
                    break;
                case int number:
                    json.WriteNumber(column.Name, number);
                    break;
                case DateOnly day:
                    json.WriteString(column.Name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case long micros when column.Type == ExportColumnType.Timestamp:
                    json.WriteString(column.Name, Milliseconds(micros, roundUp));
                    break;
                case var other:
                    throw new InvalidOperationException($"No Delta statistics form for {other.GetType()} in column '{column.Name}'.");
            }
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Whether <paramref name="file"/> may hold a row whose text column <paramref name="column"/> equals
    /// <paramref name="value"/>, judged by the <c>minValues</c> and <c>maxValues</c> of its <c>stats</c> as Delta
    /// engines skip files; true when the file has no bounds for the column (no stats, or all nulls).
    /// </summary>
    public static bool MayHold(DeltaAddFile file, string column, string value)
    {
        if (file.Stats is not { Length: > 0 } stats)
        {
            return true;
        }

        using var document = JsonDocument.Parse(stats);
        return Bound(document.RootElement, "minValues", column) is not { } min || Bound(document.RootElement, "maxValues", column) is not { } max
            || (CodePointOrder.Compare(min, value) <= 0 && CodePointOrder.Compare(value, max) <= 0);

        static string? Bound(JsonElement root, string name, string column) =>
            root.TryGetProperty(name, out var bounds) && bounds.ValueKind == JsonValueKind.Object
            && bounds.TryGetProperty(column, out var bound) && bound.ValueKind == JsonValueKind.String
                ? bound.GetString()
                : null;
    }

    /// <summary>An instant given in microseconds as ISO-8601 UTC with milliseconds, rounded down or up to a whole millisecond.</summary>
    internal static string Milliseconds(long micros, bool roundUp)
    {
        var milliseconds = roundUp ? (long)Math.Ceiling(micros / 1000m) : (long)Math.Floor(micros / 1000m);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
