using System.Globalization;
using System.Text.Json;

namespace Attendance.Storage.Tables;

/// <summary>
/// Entities to and from the Table service's JSON: values the JSON types cannot tell apart carry an
/// <c>@odata.type</c> annotation (Int64 as a string, DateTime as ISO-8601 UTC, Guid, Binary, Double).
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    /// <summary>The entity on one line (Azurite's batch parser needs one-line JSON).</summary>
    public static byte[] Serialize(TableEntity entity)
    {
        TableKeys.Validate(entity.PartitionKey, "PartitionKey");
        TableKeys.Validate(entity.RowKey, "RowKey");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static TableEntity Deserialize(JsonElement json, string? etagHeader = null)
    {
        var entity = new TableEntity(
            json.GetProperty("PartitionKey").GetString() ?? string.Empty,
            json.GetProperty("RowKey").GetString() ?? string.Empty)
        {
            ETag = json.TryGetProperty("odata.etag", out var etag) ? etag.GetString() : etagHeader,
            Timestamp = json.TryGetProperty("Timestamp", out var timestamp) ? ParseDate(timestamp.GetString()!) : null,
        };

        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var type = json.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
            var value = ReadValue(property.Value, type);
            if (value is not null)
            {
                entity.Properties[name] = value;
            }
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        if (name is "PartitionKey" or "RowKey" or "Timestamp" || value is null)
        {
            return;
        }

        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case long l:
                Typed(writer, name, l.ToString(CultureInfo.InvariantCulture), "Edm.Int64");
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumber(name, d);
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                break;
            case double d:
                Typed(writer, name, d.ToString(CultureInfo.InvariantCulture), "Edm.Double");
                break;
            case DateTimeOffset t:
                Typed(writer, name, FormatDate(t), "Edm.DateTime");
                break;
            case DateTime t:
                Typed(writer, name, FormatDate(new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t)), "Edm.DateTime");
                break;
            case Guid g:
                Typed(writer, name, g.ToString("D"), "Edm.Guid");
                break;
            case byte[] bytes:
                Typed(writer, name, Convert.ToBase64String(bytes), "Edm.Binary");
                break;
            default:
                throw new NotSupportedException($"Property '{name}' has type {value.GetType().Name}, which Table Storage cannot hold.");
        }
    }

    private static void Typed(Utf8JsonWriter writer, string name, string text, string type)
    {
        writer.WriteString(name, text);
        writer.WriteString(name + TypeSuffix, type);
    }

    private static object? ReadValue(JsonElement value, string? type) => (type, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) => null,
        ("Edm.Int64", JsonValueKind.String) => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        ("Edm.Int64", _) => value.GetInt64(),
        ("Edm.Int32", _) => value.GetInt32(),
        ("Edm.Double", JsonValueKind.String) => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        ("Edm.Double", _) => value.GetDouble(),
        ("Edm.DateTime", _) => ParseDate(value.GetString()!),
        ("Edm.Guid", _) => Guid.Parse(value.GetString()!),
        ("Edm.Binary", _) => Convert.FromBase64String(value.GetString()!),
        ("Edm.Boolean", _) or (_, JsonValueKind.True) or (_, JsonValueKind.False) => value.GetBoolean(),
        (_, JsonValueKind.String) => value.GetString(),
        // Unannotated numbers: Int32 unless written with a fraction or exponent (a Double).
        (_, JsonValueKind.Number) => IsIntegral(value) && value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
        _ => value.GetRawText(),
    };

    private static bool IsIntegral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
