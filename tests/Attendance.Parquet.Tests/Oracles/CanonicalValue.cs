using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>
/// The one form tests/oracles/read-parquet.mjs prints values in, computed here from .NET values with no help from
/// the writer: INT64 and TIMESTAMP as decimal strings (TIMESTAMP in microseconds), DATE as days since 1970-01-01.
/// </summary>
public static class CanonicalValue
{
    public static JsonNode? Of(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        double number when double.IsFinite(number) => JsonValue.Create(number),
        double number => JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        bool flag => JsonValue.Create(flag),
        DateOnly date => JsonValue.Create(date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber),
        DateTimeOffset instant => JsonValue.Create(MicrosSinceEpoch(instant).ToString(CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"Unsupported test value {value.GetType()}."),
    };

    /// <summary>Whole microseconds since the epoch, rounded down (also before 1970).</summary>
    public static long MicrosSinceEpoch(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - DateTime.UnixEpoch.Ticks;
        var belowMicrosecond = ((ticks % 10) + 10) % 10;
        return (ticks - belowMicrosecond) / 10;
    }

    public static bool Same(JsonNode? expected, JsonElement actual) =>
        JsonNode.DeepEquals(expected, JsonNode.Parse(actual.GetRawText()));
}
