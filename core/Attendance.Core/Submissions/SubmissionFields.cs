using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Attendance.Submissions;

/// <summary>
/// One submission as it arrived: the known fields as strings, and the errors found while reading them
/// (a number where text belongs, a field given twice). Unknown fields are ignored, so form tools that add
/// their own metadata (KoboToolbox's <c>_uuid</c>, Power Automate's extra columns) post unchanged.
/// A field may be named by a path, as KoboToolbox names grouped questions (<c>group/fullName</c>) and as ODK
/// nests them: its last segment is the field. Without a <c>submissionId</c>, the instance id the form tool gives
/// every submission (<c>meta/instanceID</c>, else KoboToolbox's <c>_uuid</c>) is the idempotency key.
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

    /// <summary>The path of the instance id ODK Collect and KoboToolbox give every submission.</summary>
    public const string InstanceIdPath = "meta/instanceID";

    /// <summary>KoboToolbox's own id of a submission, used when <see cref="InstanceIdPath"/> is absent.</summary>
    public const string KoboUuid = "_uuid";

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    // The path each field was read from, to name both when two paths end in the same field.
    private readonly Dictionary<string, string> paths = new(StringComparer.Ordinal);

    private string? instanceId;
    private string? koboUuid;

    public FieldErrors Errors { get; } = new();

    public string? this[string field] => values.GetValueOrDefault(field);

    /// <summary>
    /// A copy as it stands, errors included, to be judged again from here: the venue form judges a sign-in a second
    /// time, against the event read afresh, when the remembered copy would have refused it (<see cref="Events.CheckedEvent"/>).
    /// </summary>
    public SubmissionFields Copy()
    {
        var copy = new SubmissionFields { instanceId = instanceId, koboUuid = koboUuid };
        foreach (var (field, value) in values)
        {
            copy.values[field] = value;
        }

        foreach (var (field, path) in paths)
        {
            copy.paths[field] = path;
        }

        foreach (var (field, messages) in Errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                copy.Errors.Add(field, message);
            }
        }

        return copy;
    }

    /// <summary>Sets a field, as a form's hidden input or a route value does.</summary>
    public void Set(string field, string value) => values[field] = value;

    /// <summary>
    /// Reads one answer named by its field or by a path ending in it (<c>grp_peserta/fullName</c>). Two different
    /// paths ending in the same field are an error naming both: which one is meant cannot be guessed.
    /// Returns false for names that are no field (metadata), which the caller ignores.
    /// </summary>
    public bool TakeNamed(string path, Func<string?> value)
    {
        var trimmed = path.Trim('/');
        if (trimmed == InstanceIdPath || trimmed.EndsWith("/" + InstanceIdPath, StringComparison.Ordinal))
        {
            instanceId ??= value();
            return true;
        }

        if (trimmed == KoboUuid)
        {
            koboUuid ??= value();
            return true;
        }

        var field = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        if (!Known.Contains(field))
        {
            return false;
        }

        if (paths.TryGetValue(field, out var first))
        {
            Errors.Add(field, first == trimmed
                ? "is given more than once."
                : $"is given twice, as '{first}' and '{trimmed}': rename one of the two questions.");
            return true;
        }

        paths[field] = trimmed;
        if (value() is { } text)
        {
            values[field] = text;
        }

        return true;
    }

    /// <summary>
    /// After every answer is read: without a <c>submissionId</c>, the tool's instance id (<c>meta/instanceID</c>,
    /// else <c>_uuid</c>) becomes the idempotency key, so the tool's retries are duplicates.
    /// </summary>
    public SubmissionFields CompleteIds()
    {
        if (string.IsNullOrWhiteSpace(this[SubmissionId]) && !Errors.Has(SubmissionId)
            && (instanceId ?? koboUuid) is { Length: > 0 } id)
        {
            values[SubmissionId] = id.Trim();
        }

        return this;
    }

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
            var kind = property.Value.ValueKind;
            fields.TakeNamed(property.Name, () => kind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => Mistyped(fields, property.Name, kind),
            });
        }

        return fields.CompleteIds();
    }

    private static string? Mistyped(SubmissionFields fields, string path, JsonValueKind kind)
    {
        var trimmed = path.Trim('/');
        var name = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        if (Known.Contains(name))
        {
            fields.Errors.Add(name, $"must be a string, not {kind.ToString().ToLowerInvariant()}.");
        }

        return null;
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
