using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Attendance.Submissions;

/// <summary>
/// One submission as it arrived: the known fields as strings, and the errors found while reading them
/// (a number where text belongs, a field given twice). Unknown fields are ignored, so form tools that add
/// their own metadata (KoboToolbox's <c>_uuid</c>, Power Automate's extra columns) post unchanged.
/// </summary>
public sealed class SubmissionFields
{
    public const string EventId = "eventId";
    public const string SessionDate = "sessionDate";
    public const string FullName = "fullName";
    public const string Province = "province";
    public const string Regency = "regency";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Gender = "gender";
    public const string Institution = "institution";
    public const string InstitutionType = "institutionType";
    public const string Position = "position";
    public const string CheckInAt = "checkInAt";
    public const string SubmissionId = "submissionId";
    public const string Source = "source";

    /// <summary>Every field a submission may carry; the OpenAPI document lists the same.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        EventId, SessionDate, FullName, Province, Regency, Email, Phone, Gender,
        Institution, InstitutionType, Position, CheckInAt, SubmissionId, Source,
    ];

    /// <summary>The fields a submission must carry.</summary>
    public static IReadOnlyList<string> Required { get; } = [EventId, SessionDate, FullName, Province, Regency];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public FieldErrors Errors { get; } = new();

    public string? this[string field] => values.GetValueOrDefault(field);

    /// <summary>Sets a field, as a form's hidden input or a route value does.</summary>
    public void Set(string field, string value) => values[field] = value;

    /// <summary>Reads a JSON object: strings are taken, null counts as absent, any other type is an error.</summary>
    public static SubmissionFields FromJson(JsonElement element)
    {
        var fields = new SubmissionFields();
        if (element.ValueKind != JsonValueKind.Object)
        {
            fields.Errors.Add("body", "must be a JSON object with the submission's fields.");
            return fields;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    fields.values[property.Name] = property.Value.GetString()!;
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    fields.Errors.Add(property.Name, $"must be a string, not {property.Value.ValueKind.ToString().ToLowerInvariant()}.");
                    break;
            }
        }

        return fields;
    }

    /// <summary>Reads HTML form fields; a field given more than once is an error.</summary>
    public static SubmissionFields FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        var fields = new SubmissionFields();
        foreach (var (name, value) in form)
        {
            if (!Known.Contains(name))
            {
                continue;
            }

            if (value.Count > 1)
            {
                fields.Errors.Add(name, "is given more than once.");
                continue;
            }

            fields.values[name] = value.ToString();
        }

        return fields;
    }
}
